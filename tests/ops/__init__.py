"""Operations tests: backup and restore, deployment files, request logs, S3 media."""
