def latest_posts(*, limit: int):
    return []
