"""Issue 19, finding 5: fund attachments were public at a guessable address
(/media/fund/applications/<id>/<upload second>.pdf answered 200 anonymously under `make run`).

They now live in the private storage under random names, outside MEDIA_ROOT and MEDIA_URL, and
only the permission-checked download view hands them out, named .pdf."""

import datetime
import importlib
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.accounts.models import MembershipRole
from apps.accounts.tests.factories import OrganisationFactory, UserFactory
from apps.accounts.tests.helpers import force_login_verified
from apps.core.privatefiles import PrivateFileSystemStorage, download_name, private_storage
from apps.fund.models import Application, ApplicationStatus, Attachment
from apps.fund.tests.factories import ApplicationFactory, member_of, tiny_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def disk(settings, tmp_path):
    """Media and private files on disk, as under `make run`."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "apps.core.privatefiles.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }
    settings.ROOT_URLCONF = "apps.fund.tests.urls_media"
    return tmp_path


@pytest.fixture
def draft():
    return ApplicationFactory()


def _upload(client, application, name="budsjett.pdf"):
    user = member_of(application.organisation)
    client.force_login(user)
    before = timezone.now()
    response = client.post(
        f"/fond/soknader/{application.pk}/vedlegg/",
        {"att-file": SimpleUploadedFile(name, tiny_pdf(), content_type="application/pdf")},
    )
    assert response.status_code == 302
    client.logout()
    return Attachment.objects.get(application=application), before


def _download_url(attachment) -> str:
    return f"/fond/soknader/{attachment.application_id}/vedlegg/{attachment.pk}/"


def test_guessable_media_address_answers_404(client, disk, draft):
    attachment, before = _upload(client, draft)
    # The old address: the application's id and the upload second, a few guesses around it.
    for seconds in range(-2, 5):
        moment = before + datetime.timedelta(seconds=seconds)
        guess = f"/media/fund/applications/{draft.pk}/{moment:%Y%m%d%H%M%S}.pdf"
        assert client.get(guess).status_code == 404
    # Even the stored name itself is no address under /media/.
    assert client.get(f"/media/{attachment.file.name}").status_code == 404
    # Climbing out of MEDIA_ROOT is refused as a suspicious path.
    assert client.get(f"/media/../private/{attachment.file.name}").status_code == 400


def test_file_is_stored_privately_under_a_random_name(client, disk, draft):
    attachment, _ = _upload(client, draft, name="søknad om midler.pdf")
    name = attachment.file.name
    assert name.startswith("fund/attachments/")
    assert name.endswith(".pdf")
    assert f"/{draft.pk}/" not in name
    assert "søknad" not in name
    assert (disk / "private" / name).read_bytes() == tiny_pdf()
    media = disk / "media"
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))
    # Random: a second upload of the same file gets another name.
    user = member_of(draft.organisation)
    client.force_login(user)
    client.post(
        f"/fond/soknader/{draft.pk}/vedlegg/",
        {"att-file": SimpleUploadedFile("søknad om midler.pdf", tiny_pdf())},
    )
    names = set(Attachment.objects.values_list("file", flat=True))
    assert len(names) == 2


def test_private_storage_has_no_media_url(disk):
    storage = private_storage()
    assert isinstance(storage, PrivateFileSystemStorage)
    with pytest.raises(ValueError, match="no URL"):
        storage.url("fund/attachments/x.pdf")
    private_root = Path(storage.location).resolve()
    media_root = Path(disk / "media").resolve()
    assert not private_root.is_relative_to(media_root)
    assert Attachment._meta.get_field("file").storage.location == storage.location


def test_base_settings_keep_private_files_outside_media_root():
    from config.settings import base

    private_root = Path(base.PRIVATE_MEDIA_ROOT).resolve()
    assert not private_root.is_relative_to(Path(base.MEDIA_ROOT).resolve())
    assert not private_root.is_relative_to(Path(base.STATIC_ROOT).resolve())
    assert base.STORAGES["private"]["BACKEND"] != base.STORAGES["default"]["BACKEND"]


# Who may download: role × application state. Other people get 404 (the application is not
# theirs to know of); anonymous visitors are sent to log in.
def _people(application: Application) -> dict:
    fund_org = application.call.fund.organisation
    stranger_org = OrganisationFactory()
    return {
        "applicant member": member_of(application.organisation),
        "applicant admin": member_of(application.organisation, role=MembershipRole.ADMIN),
        "fund manager": member_of(fund_org, role=MembershipRole.FUND_MANAGER),
        "reviewer": member_of(fund_org, role=MembershipRole.REVIEWER),
        "member of another organisation": member_of(stranger_org),
        "account without organisation": UserFactory(),
    }


EXPECTED = {
    # role: (draft, submitted)
    "applicant member": (200, 200),
    "applicant admin": (200, 200),
    "fund manager": (404, 200),
    "reviewer": (404, 404),
    "member of another organisation": (404, 404),
    "account without organisation": (404, 404),
}


@pytest.mark.parametrize("state", ["draft", "submitted"])
def test_download_matrix(client, draft, state):
    attachment, _ = _upload(client, draft)
    if state == "submitted":
        Application.objects.filter(pk=draft.pk).update(
            status=ApplicationStatus.SUBMITTED, submitted_at=timezone.now()
        )
    column = 0 if state == "draft" else 1
    url = _download_url(attachment)
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/konto/logg-inn/")
    for role, user in _people(draft).items():
        # Sessions verified with the second factor: roles over others' applications need it,
        # and this matrix is about who may read, not about how they logged in.
        force_login_verified(client, user)
        response = client.get(url)
        assert response.status_code == EXPECTED[role][column], role
        if response.status_code == 200:
            assert b"".join(response.streaming_content) == tiny_pdf(), role
            assert response["Content-Type"] == "application/pdf"
            assert "private, no-store" in response["Cache-Control"]
        client.logout()


def test_download_of_another_applications_attachment_answers_404(client, draft):
    attachment, _ = _upload(client, draft)
    other = ApplicationFactory(call=draft.call)
    client.force_login(member_of(other.organisation))
    url = f"/fond/soknader/{other.pk}/vedlegg/{attachment.pk}/"
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("uploaded", "expected"),
    [
        ("budsjett.pdf", 'attachment; filename="budsjett.pdf"'),
        ("skannet.bin", 'attachment; filename="skannet.pdf"'),
        ("plan.PDF.exe", 'attachment; filename="plan.PDF.pdf"'),
        ("uten-endelse", 'attachment; filename="uten-endelse.pdf"'),
        ("a<b>c$.html", 'attachment; filename="a_b_c.pdf"'),
        ("økonomi.pdf", "attachment; filename*=utf-8''%C3%B8konomi.pdf"),
    ],
)
def test_download_is_named_pdf_whatever_was_uploaded(client, draft, uploaded, expected):
    attachment, _ = _upload(client, draft, name=uploaded)
    client.force_login(member_of(draft.organisation))
    response = client.get(_download_url(attachment))
    assert response.status_code == 200
    assert response["Content-Disposition"] == expected


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("", "vedlegg.pdf"),
        (".pdf", "vedlegg.pdf"),
        ("../../etc/passwd", "passwd.pdf"),
        ("C:\\Users\\ola\\plan.docx", "plan.pdf"),
        ("linje\r\nskift.pdf", "linje_skift.pdf"),
        ("x" * 300 + ".pdf", "x" * 100 + ".pdf"),
    ],
)
def test_download_name_is_safe(original, expected):
    assert download_name(original, extension=".pdf") == expected


def test_missing_file_answers_404_not_500(client, draft):
    attachment, _ = _upload(client, draft)
    storages["private"].delete(attachment.file.name)
    client.force_login(member_of(draft.organisation))
    assert client.get(_download_url(attachment)).status_code == 404


def test_migration_moves_public_files_to_the_private_storage(draft):
    from django.apps import apps as registry

    migration = importlib.import_module("apps.fund.migrations.0003_attachment_private_storage")

    old_name = default_storage.save(
        f"fund/applications/{draft.pk}/20260101120000.pdf", ContentFile(tiny_pdf())
    )
    attachment = Attachment.objects.create(
        application=draft, file=old_name, original_name="plan.pdf", size=len(tiny_pdf())
    )
    migration.move_to_private_storage(registry, None)
    attachment.refresh_from_db()
    assert attachment.file.name.startswith("fund/attachments/")
    assert not default_storage.exists(old_name)
    assert storages["private"].open(attachment.file.name).read() == tiny_pdf()
    # Running it again changes nothing.
    moved = attachment.file.name
    migration.move_to_private_storage(registry, None)
    attachment.refresh_from_db()
    assert attachment.file.name == moved
