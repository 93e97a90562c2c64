"""People, the organisations they work for, and the posts they hold.

Actions belong to posts ("AD CSC"), not to people: when a post changes hands its
actions stay with the post and pass to the new holder.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        POLICE = "police", "Police"
        HEALTH = "health", "Health"
        EDUCATION = "education", "Education"
        GOVERNMENT = "government", "Central government"
        VOLUNTARY = "voluntary", "Voluntary and community sector"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COUNCIL)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    """Staff sign in with their email address; case does not matter."""

    use_in_migrations = True

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError("A person needs an email address to sign in.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person: staff who sign in, and board members who may only be listed."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )

    class ReminderMode(models.TextChoices):
        IMMEDIATE = "immediate", "Each reminder as it falls due, and the weekly digest"
        DIGEST = "digest", "The weekly digest only"

    reminder_mode = models.CharField(
        "email reminders",
        max_length=10,
        choices=ReminderMode.choices,
        default=ReminderMode.IMMEDIATE,
        help_text="Escalations to the Director are sent as they fall due whatever is chosen.",
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]
    objects = UserManager()

    class Meta:
        ordering = ["full_name"]
        verbose_name = "person"
        verbose_name_plural = "people"
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Post(models.Model):
    """A named role as plans write it: "AD CSC", "DCS", "HoS QA & Safeguarding"."""

    name = models.CharField(max_length=120, unique=True)
    title = models.CharField(max_length=250, blank=True, help_text="The post's full title.")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="posts"
    )
    needs_review = models.BooleanField(
        default=False,
        help_text="Created by an import from text that matched no known post: "
        "an administrator should confirm it or merge it into another post.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PostAlias(models.Model):
    """Another way plans write a post: "ADCSC", "AD Children's Social Care"."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=120)

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "post aliases"
        constraints = [models.UniqueConstraint(Lower("alias"), name="post_alias_ci_unique")]

    def __str__(self):
        return f"{self.alias} → {self.post}"


class PostHolder(models.Model):
    """Who held a post, from when to when. An open end date means they still hold it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="holders")
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="post_holdings")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    is_acting = models.BooleanField(default=False, help_text="Holds the post on an interim basis.")

    class Meta:
        ordering = ["post__name", "-start_date"]
        indexes = [models.Index(fields=["person", "start_date", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="post_holder_ends_after_start",
            )
        ]

    def __str__(self):
        until = f" to {self.end_date:%d %b %Y}" if self.end_date else ""
        return f"{self.person} as {self.post} from {self.start_date:%d %b %Y}{until}"
