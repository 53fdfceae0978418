"""Video URLs from YouTube and Vimeo: which video, where it lives, how to embed it privately.

Only these two hosts are accepted so the Content-Security-Policy (frame-src) can stay a
short, fixed list, and so every embed goes through a privacy-friendly player host.
"""

import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlencode, urlsplit

from django.utils.translation import gettext as _

YOUTUBE = "youtube"
VIMEO = "vimeo"

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
YOUTUBE_SHORT_HOSTS = {"youtu.be"}
YOUTUBE_NOCOOKIE_HOSTS = {"youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com"}
VIMEO_PLAYER_HOSTS = {"player.vimeo.com"}

YOUTUBE_EMBED_BASE = "https://www.youtube-nocookie.com/embed/"
VIMEO_EMBED_BASE = "https://player.vimeo.com/video/"
EMBED_BASES = (YOUTUBE_EMBED_BASE, VIMEO_EMBED_BASE)

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{1,12}$")
_VIMEO_HASH = re.compile(r"^[0-9a-f]{6,20}$")
_YOUTUBE_PATH_PREFIXES = ("embed", "shorts", "live", "v", "e")
_VIMEO_COLLECTIONS = {("groups", "videos"), ("showcase", "video"), ("album", "video")}
_TIMESTAMP = re.compile(r"^(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s?)?$")


class InvalidVideoURL(ValueError):
    """The URL is not a link to a single YouTube or Vimeo video."""


@dataclass(frozen=True)
class VideoRef:
    provider: str
    video_id: str
    # Unlisted Vimeo videos need their privacy hash in both the page and the player URL.
    vimeo_hash: str = ""
    start_seconds: int = 0

    @property
    def provider_name(self) -> str:
        return "YouTube" if self.provider == YOUTUBE else "Vimeo"

    @property
    def embed_host(self) -> str:
        return urlsplit(self.embed_url).hostname or ""

    @property
    def watch_url(self) -> str:
        """The video's own page on its host: the link that works without JavaScript."""
        if self.provider == YOUTUBE:
            query = {"v": self.video_id}
            if self.start_seconds:
                query["t"] = f"{self.start_seconds}s"
            return f"https://www.youtube.com/watch?{urlencode(query)}"
        path = f"{self.video_id}/{self.vimeo_hash}" if self.vimeo_hash else self.video_id
        suffix = f"#t={self.start_seconds}s" if self.start_seconds else ""
        return f"https://vimeo.com/{path}{suffix}"

    @property
    def embed_url(self) -> str:
        """The player URL, loaded only after the reader clicks "Play"; the reader asked for
        the video, so it starts at once."""
        if self.provider == YOUTUBE:
            query = {"autoplay": "1"}
            if self.start_seconds:
                query["start"] = str(self.start_seconds)
            return f"{YOUTUBE_EMBED_BASE}{self.video_id}?{urlencode(query)}"
        # dnt=1 asks Vimeo's player not to track the session.
        query = {"autoplay": "1", "dnt": "1"}
        if self.vimeo_hash:
            query["h"] = self.vimeo_hash
        fragment = f"#t={self.start_seconds}s" if self.start_seconds else ""
        return f"{VIMEO_EMBED_BASE}{self.video_id}?{urlencode(query)}{fragment}"


def _seconds(value: str) -> int:
    match = _TIMESTAMP.match(value.strip()) if value else None
    if not match or not any(match.groupdict().values()):
        return 0
    parts = {key: int(number) if number else 0 for key, number in match.groupdict().items()}
    return parts["h"] * 3600 + parts["m"] * 60 + parts["s"]


def _first(query: dict[str, list[str]], name: str) -> str:
    values = query.get(name) or [""]
    return values[0]


def _youtube(host: str, segments: list[str], query: dict[str, list[str]]) -> VideoRef | None:
    candidate = ""
    if host in YOUTUBE_SHORT_HOSTS:
        candidate = segments[0] if len(segments) == 1 else ""
    elif segments == ["watch"]:
        candidate = _first(query, "v")
    elif len(segments) == 2 and segments[0] in _YOUTUBE_PATH_PREFIXES:
        candidate = segments[1]
    if not _YOUTUBE_ID.match(candidate):
        return None
    start = _seconds(_first(query, "t") or _first(query, "start"))
    return VideoRef(provider=YOUTUBE, video_id=candidate, start_seconds=start)


def _vimeo(host: str, segments: list[str], query: dict[str, list[str]]) -> VideoRef | None:
    video_id, vimeo_hash = "", ""
    if host in VIMEO_PLAYER_HOSTS:
        if len(segments) == 2 and segments[0] == "video":
            video_id, vimeo_hash = segments[1], _first(query, "h")
    elif segments and _VIMEO_ID.match(segments[0]) and len(segments) <= 2:
        # vimeo.com/ID and, for unlisted videos, vimeo.com/ID/HASH
        video_id = segments[0]
        vimeo_hash = segments[1] if len(segments) == 2 else ""
    elif len(segments) == 2 and segments[0] == "video":
        video_id = segments[1]
    elif len(segments) == 3 and segments[0] == "channels":
        video_id = segments[2]
    elif len(segments) == 4 and (segments[0], segments[2]) in _VIMEO_COLLECTIONS:
        video_id = segments[3]
    if not _VIMEO_ID.match(video_id) or (vimeo_hash and not _VIMEO_HASH.match(vimeo_hash)):
        return None
    return VideoRef(provider=VIMEO, video_id=video_id, vimeo_hash=vimeo_hash)


def parse_video_url(url: str) -> VideoRef:
    """Returns the video a YouTube or Vimeo URL points at; raises InvalidVideoURL for
    anything else (other hosts, channel or playlist pages, malformed ids)."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError as error:
        raise InvalidVideoURL(_("This is not a valid web address.")) from error
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.scheme not in ("http", "https") or not host:
        raise InvalidVideoURL(_("Enter a full web address starting with https://."))
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)

    if host in YOUTUBE_HOSTS | YOUTUBE_SHORT_HOSTS | YOUTUBE_NOCOOKIE_HOSTS:
        ref = _youtube(host, segments, query)
    elif host in VIMEO_HOSTS | VIMEO_PLAYER_HOSTS:
        ref = _vimeo(host, segments, query)
        if ref and not ref.start_seconds and parts.fragment.startswith("t="):
            ref = replace(ref, start_seconds=_seconds(parts.fragment[2:]))
    else:
        raise InvalidVideoURL(
            _("Only videos on YouTube or Vimeo can be embedded; %(host)s is not accepted.")
            % {"host": host}
        )
    if ref is None:
        raise InvalidVideoURL(
            _(
                "This %(provider)s address does not point at a single video. Copy the "
                "address of the video's own page."
            )
            % {"provider": "YouTube" if host not in VIMEO_HOSTS | VIMEO_PLAYER_HOSTS else "Vimeo"}
        )
    return ref
