import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        args, cwd=ROOT, env={**clean_env, **env}, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_its_secrets():
    result = _run(
        [sys.executable, "manage.py", "check"],
        {"DJANGO_SETTINGS_MODULE": "config.settings.production"},
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = _run(
        [sys.executable, "manage.py", "check"],
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "short",
            "DJANGO_ALLOWED_HOSTS": "kokeboka.example",
            "DATABASE_URL": "sqlite:////tmp/x.sqlite3",
        },
    )
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_check_deploy_is_clean_under_production_settings():
    result = _run(["bash", "scripts/check-deploy.sh"], {})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
