def chapters_for_home():
    return []
