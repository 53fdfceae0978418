"""Private files: uploads that only some people may read (fund attachments).

They live in their own storage, `STORAGES["private"]`, never under MEDIA_ROOT or MEDIA_URL:
`var/private/` on disk (PRIVATE_MEDIA_ROOT), or a private S3 bucket or prefix whose objects are
only readable through short-lived signed URLs. Names are random (uuid4), so even a leaked path
says nothing about the application or the upload time. A file is handed out only by a view that
has checked the person's permission, through `private_file_response`.
"""

from __future__ import annotations

import re
import unicodedata
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.encoding import iri_to_uri
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk outside any served directory, with no address of their own."""

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL; serve them through a permission-checked view.")


class _PrivateStorage(LazyObject):
    """`storages["private"]`, looked up when first used and again after a settings change,
    so a FileField that names it follows `override_settings(STORAGES=...)` in tests."""

    def _setup(self) -> None:
        self._wrapped = storages["private"]


private_storage_proxy = _PrivateStorage()


def private_storage() -> _PrivateStorage:
    """The storage for private files, as a callable for FileField(storage=...)."""
    return private_storage_proxy


@receiver(setting_changed)
def _reset_private_storage(*, setting: str, **kwargs) -> None:
    if setting == "STORAGES":
        private_storage_proxy._wrapped = empty


def random_name(prefix: str, suffix: str) -> str:
    """A storage name that cannot be guessed: `<prefix>/<uuid4 hex><suffix>`."""
    return f"{prefix.strip('/')}/{uuid.uuid4().hex}{suffix}"


_UNSAFE = re.compile(r"[^\w\-. ()]+")


def download_name(original: str, *, extension: str, fallback: str = "vedlegg") -> str:
    """A safe file name for Content-Disposition with our extension, whatever was uploaded.

    The uploaded name's own extension is dropped (`budsjett.exe` downloads as `budsjett.pdf`),
    control characters, quotes and path separators go, and the length is capped."""
    name = unicodedata.normalize("NFC", original or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = _UNSAFE.sub("_", stem).strip(" ._")[:100].strip(" ._")
    return f"{stem or fallback}{extension}"


def _signs_urls(storage) -> bool:
    return bool(getattr(storage, "querystring_auth", False))


def private_file_response(file, *, filename: str, content_type: str) -> HttpResponse:
    """The file as a download named `filename`, for a person the caller has checked.

    On a storage with signed URLs (S3), a redirect to a URL valid for PRIVATE_FILE_URL_SECONDS
    that makes S3 send the same name and type; elsewhere the file is streamed by this process.
    A file missing from storage answers 404, never a stack trace."""
    storage = file.storage
    disposition = content_disposition_header(as_attachment=True, filename=filename)
    if _signs_urls(storage):
        url = storage.url(
            file.name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
            },
            expire=settings.PRIVATE_FILE_URL_SECONDS,
        )
        response: HttpResponse = HttpResponseRedirect(iri_to_uri(url))
    else:
        try:
            handle = file.open("rb")
        except (FileNotFoundError, OSError) as error:
            raise Http404 from error
        response = FileResponse(handle, content_type=content_type)
        response["Content-Disposition"] = disposition
    # Never kept by a shared cache: the next person may not be allowed to read it.
    response["Cache-Control"] = "private, no-store"
    return response
