from apps.search.stemming import split_words, stem_text, stem_word, stems, words


def test_forms_of_a_word_share_a_stem():
    assert stem_word("anskaffelsen") == stem_word("anskaffelser") == stem_word("anskaffelse")
    assert stem_word("Kommunen") == stem_word("kommuner") == "kommun"


def test_stop_words_have_no_stem():
    assert stem_word("og") == ""
    assert stems("samarbeid med kommunen og entreprenøren") == [
        "samarbeid",
        "kommun",
        "entreprenør",
    ]


def test_stem_text_drops_punctuation():
    assert stem_text('«Anskaffelsen» – "FOA § 8-8"!') == "anskaff foa 8 8"


def test_words_keeps_only_letters_and_digits():
    assert words("a\"b' OR (c) snake_case") == "a b OR c snake case"


def test_split_words_gives_the_whole_text_back():
    text = " «Små» anskaffelser, 2025 – ja! "
    pieces = list(split_words(text))
    assert "".join(chunk for chunk, _is_word in pieces) == text
    assert [chunk for chunk, is_word in pieces if is_word] == ["Små", "anskaffelser", "2025", "ja"]
