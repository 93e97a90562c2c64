"""Boards, their members, meetings, agendas and papers: what democratic services build."""
