#!/usr/bin/env python3
"""Runs a command against a throwaway PostgreSQL cluster, then removes the cluster.

    python scripts/pg_cluster.py -- pytest -q

initdb refuses to run as root, so as root the cluster belongs to the `postgres` system
user. The command gets DATABASE_URL pointing at a fresh database on a free local port.
"""

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CANDIDATE_BIN_DIRS = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/local/bin"]


def find_bin(name: str) -> str:
    for directory in CANDIDATE_BIN_DIRS:
        candidate = Path(directory) / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        sys.exit(f"pg_cluster: {name} not found; install PostgreSQL 15 server binaries.")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_owner(cmd: list[str], owner: str | None) -> list[str]:
    return ["runuser", "-u", owner, "--", *cmd] if owner else cmd


def main() -> int:
    argv = sys.argv[1:]
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        sys.exit("usage: pg_cluster.py -- COMMAND [ARGS...]")
    owner = None
    if os.geteuid() == 0:
        owner = "postgres"
        pwd.getpwnam(owner)
    workdir = Path(tempfile.mkdtemp(prefix="kokeboka-pg-"))
    datadir = workdir / "data"
    if owner:
        info = pwd.getpwnam(owner)
        os.chown(workdir, info.pw_uid, info.pw_gid)
    port = free_port()
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    quiet = {"stdout": subprocess.DEVNULL}
    subprocess.run(
        as_owner(
            [
                initdb,
                "-D",
                str(datadir),
                "-U",
                "kokeboka",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ],
            owner,
        ),
        check=True,
        **quiet,
    )
    options = (
        f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        as_owner(
            [pg_ctl, "-D", str(datadir), "-o", options, "-l", str(workdir / "log"), "-w", "start"],
            owner,
        ),
        check=True,
        **quiet,
    )
    try:
        env = dict(os.environ, DATABASE_URL=f"postgres://kokeboka@127.0.0.1:{port}/postgres")
        print(f"pg_cluster: PostgreSQL on 127.0.0.1:{port} ({workdir})", flush=True)
        return subprocess.call(argv, env=env)
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            subprocess.run(
                as_owner([pg_ctl, "-D", str(datadir), "-m", "immediate", "stop"], owner),
                check=True,
                **quiet,
            )
        time.sleep(0.2)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
