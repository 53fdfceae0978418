"""An S3-compatible server for tests and checks: moto's server mode on a loopback port.

Used by the S3 media tests (tests/ops/test_s3_media.py) and by the scale-out check, where
several app processes must see the same uploaded files. moto runs as a child process (not a
thread of the caller), so it serves separate app processes alike and dies with `stop()`.

    with s3_server() as s3:
        s3.create_bucket("kokeboka-media")
        env = {**os.environ, **s3.env(media_bucket="kokeboka-media")}

moto keeps everything in memory; it enforces object ACLs for anonymous reads (a private
object answers 403 without a signature) but does not verify signatures themselves.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field

ACCESS_KEY = "kokeboka-test"
SECRET_KEY = "kokeboka-test-secret"
REGION = "eu-north-1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class S3Server:
    """A running moto server; `endpoint_url` is what boto3 and django-storages are given."""

    port: int
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )

    def create_bucket(self, name: str) -> None:
        self.client().create_bucket(
            Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )

    def env(self, *, media_bucket: str, private_bucket: str | None = None) -> dict[str, str]:
        """The environment variables config/settings read for S3 media (and private files)."""
        values = {
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_S3_ENDPOINT_URL": self.endpoint_url,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_STORAGE_BUCKET_NAME": media_bucket,
        }
        if private_bucket:
            values["AWS_PRIVATE_STORAGE_BUCKET_NAME"] = private_bucket
        return values

    def start(self, timeout: float = 30.0) -> S3Server:
        env = {**os.environ, "MOTO_PORT": str(self.port)}
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moto server exited with {self.process.returncode}")
            try:
                # S3's "list buckets" answers once the server is up (any HTTP answer will do).
                urllib.request.urlopen(self.endpoint_url + "/", timeout=1)  # noqa: S310
                return self
            except urllib.error.HTTPError:
                return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"moto server did not answer on {self.endpoint_url} in {timeout} s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None


@contextlib.contextmanager
def s3_server(port: int | None = None) -> Iterator[S3Server]:
    """Starts moto's S3 server on 127.0.0.1 (a free port unless given) and stops it after."""
    server = S3Server(port=port or _free_port()).start()
    try:
        yield server
    finally:
        server.stop()
