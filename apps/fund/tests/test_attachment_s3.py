"""Fund attachments on S3 (production): a private object, read only through a short-lived
signed URL that the permission-checked download view hands out. Runs against moto's S3 server
on loopback (tests/ops/s3server.py)."""

import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.tests.factories import UserFactory
from apps.fund.models import Attachment
from apps.fund.tests.factories import ApplicationFactory, member_of, tiny_pdf
from tests.ops.s3server import ACCESS_KEY, REGION, SECRET_KEY, s3_server

pytestmark = pytest.mark.django_db

BUCKET = "kokeboka-private"


@pytest.fixture(scope="module")
def s3():
    with s3_server() as server:
        server.create_bucket(BUCKET)
        yield server


@pytest.fixture
def private_on_s3(settings, s3):
    settings.PRIVATE_FILE_URL_SECONDS = 60
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3.endpoint_url,
                "region_name": REGION,
                "access_key": ACCESS_KEY,
                "secret_key": SECRET_KEY,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 60,
                "file_overwrite": False,
            },
        },
    }
    return s3


def _get(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - loopback moto
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, b"", dict(error.headers)


def test_download_redirects_to_a_short_lived_signed_url_named_pdf(client, private_on_s3):
    application = ApplicationFactory()
    applicant = member_of(application.organisation)
    client.force_login(applicant)
    response = client.post(
        f"/fond/soknader/{application.pk}/vedlegg/",
        {"att-file": SimpleUploadedFile("skannet.bin", tiny_pdf())},
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    key = attachment.file.name
    assert key.startswith("fund/attachments/")

    # The object itself is private: its plain address answers 403.
    plain = f"{private_on_s3.endpoint_url}/{BUCKET}/{key}"
    assert _get(plain)[0] == 403

    download = client.get(f"/fond/soknader/{application.pk}/vedlegg/{attachment.pk}/")
    assert download.status_code == 302
    assert "private, no-store" in download["Cache-Control"]
    location = download["Location"]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)
    assert query["X-Amz-Expires"] == ["60"]
    assert "X-Amz-Signature" in query
    assert query["response-content-disposition"] == ['attachment; filename="skannet.pdf"']
    assert query["response-content-type"] == ["application/pdf"]
    status, body, headers = _get(location)
    assert status == 200
    assert body == tiny_pdf()
    assert headers["Content-Disposition"] == 'attachment; filename="skannet.pdf"'

    # Someone else gets no signed URL at all.
    client.force_login(UserFactory())
    assert client.get(f"/fond/soknader/{application.pk}/vedlegg/{attachment.pk}/").status_code == (
        404
    )


def _private_storage_settings(env: dict[str, str]) -> dict:
    root = Path(__file__).resolve().parents[3]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "PRIVATE_"))}
    program = (
        "import json, config.settings.base as s\n"
        "print(json.dumps(s.STORAGES['private'], default=str))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed program
        [sys.executable, "-c", program],
        cwd=root,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("env", "bucket", "location"),
    [
        ({"AWS_STORAGE_BUCKET_NAME": "media"}, "media", "private"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "media", "AWS_PRIVATE_STORAGE_BUCKET_NAME": "secret"},
            "secret",
            "",
        ),
    ],
)
def test_settings_sign_private_urls_on_s3(env, bucket, location):
    private = _private_storage_settings(env)
    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    options = private["OPTIONS"]
    assert options["bucket_name"] == bucket
    assert options["location"] == location
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] == 60
    assert options["default_acl"] == "private"


def test_settings_keep_private_files_on_disk_outside_media_without_s3():
    private = _private_storage_settings({})
    assert private["BACKEND"] == "apps.core.privatefiles.PrivateFileSystemStorage"
    assert private["OPTIONS"]["location"].endswith("var/private")
