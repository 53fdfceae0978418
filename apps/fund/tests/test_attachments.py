import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.fund.models import Attachment
from apps.fund.services import MAX_ATTACHMENT_BYTES, AttachmentRefused, attachment_add
from apps.fund.tests.factories import (
    ApplicationFactory,
    RequiredAttachmentFactory,
    member_of,
    pdf_of_size,
    tiny_pdf,
)


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def draft(db):
    return ApplicationFactory()


def test_valid_pdf_is_kept(draft):
    attachment = attachment_add(
        application=draft, actor=None, upload=upload("plan.pdf", tiny_pdf())
    )
    assert attachment.original_name == "plan.pdf"
    assert attachment.size == len(tiny_pdf())
    assert attachment.file.read().startswith(b"%PDF-1.4")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Hei, dette er bare tekst.\n" * 20, "not a PDF"),
        (b"", "empty"),
        (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "damaged"),
        (b"%PDF-1.7\n" + b"x" * 200 + b"\nstartxref\n5\n%%EOF\n", "damaged"),
        (b"  %PDF-1.4 not at the start", "not a PDF"),
    ],
)
def test_content_decides(draft, content, message, settings):
    settings.LANGUAGE_CODE = "en"
    with pytest.raises(AttachmentRefused) as error:
        attachment_add(application=draft, actor=None, upload=upload("renamed.pdf", content))
    assert message in error.value.message
    assert not Attachment.objects.exists()


def test_renamed_text_file_refused_through_the_page(english, draft):
    user = member_of(draft.organisation)
    english.force_login(user)
    response = english.post(
        f"/fond/soknader/{draft.pk}/vedlegg/",
        {"att-file": upload("budsjett.pdf", b"Kostnader: 100 000\n" * 10)},
    )
    assert response.status_code == 400
    assert b"The file is not a PDF document" in response.content
    assert b'aria-invalid="true"' in response.content
    assert not Attachment.objects.exists()


def test_larger_than_10_mb_refused(english, draft):
    user = member_of(draft.organisation)
    english.force_login(user)
    big = pdf_of_size(MAX_ATTACHMENT_BYTES + 1024)
    response = english.post(
        f"/fond/soknader/{draft.pk}/vedlegg/", {"att-file": upload("stor.pdf", big)}
    )
    assert response.status_code == 400
    assert b"larger than 10 MB" in response.content
    assert not Attachment.objects.exists()


def test_exactly_10_mb_accepted(draft):
    content = pdf_of_size(MAX_ATTACHMENT_BYTES)
    assert len(content) == MAX_ATTACHMENT_BYTES
    attachment = attachment_add(application=draft, actor=None, upload=upload("ok.pdf", content))
    assert attachment.size == MAX_ATTACHMENT_BYTES


def test_one_byte_over_10_mb_refused(draft):
    content = pdf_of_size(MAX_ATTACHMENT_BYTES + 1)
    assert len(content) == MAX_ATTACHMENT_BYTES + 1
    with pytest.raises(AttachmentRefused):
        attachment_add(application=draft, actor=None, upload=upload("big.pdf", content))


def test_content_type_and_extension_are_not_trusted(draft):
    attachment = attachment_add(
        application=draft,
        actor=None,
        upload=upload("skannet.bin", tiny_pdf(), content_type="application/octet-stream"),
    )
    assert attachment.pk


def test_required_attachment_of_another_call_refused(draft):
    other = RequiredAttachmentFactory()
    with pytest.raises(AttachmentRefused):
        attachment_add(
            application=draft, actor=None, upload=upload("a.pdf", tiny_pdf()), required=other
        )


def test_upload_and_delete_through_the_page(english, draft):
    required = RequiredAttachmentFactory(call=draft.call)
    user = member_of(draft.organisation)
    english.force_login(user)
    response = english.post(
        f"/fond/soknader/{draft.pk}/vedlegg/",
        {"att-file": upload("plan.pdf", tiny_pdf()), "att-required": required.pk},
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.required == required
    assert attachment.uploaded_by == user
    download = english.get(f"/fond/soknader/{draft.pk}/vedlegg/{attachment.pk}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    response = english.post(f"/fond/soknader/{draft.pk}/vedlegg/{attachment.pk}/slett/")
    assert response.status_code == 302
    assert not Attachment.objects.exists()
