from graph.script import has_han, script_language


def test_a_text_is_chinese_when_it_holds_han_characters() -> None:
    assert script_language("郑州市财政局") == "zh"
    assert script_language("Zhengzhou 市") == "zh"
    assert script_language("\uf900 compatibility ideograph") == "zh"
    assert script_language("“Quoted” names — and dashes") == "en"  # non-ASCII, but no Han
    assert not has_han("") and not has_han("Hebi City")
