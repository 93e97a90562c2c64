import pytest
from django.contrib.auth.models import Group

from governance import roles


@pytest.mark.django_db
def test_every_role_exists_as_a_group_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL_ROLES)
