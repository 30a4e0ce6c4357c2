"""The records passed between stages."""

from dataclasses import fields, replace
from decimal import Decimal

from graph.model import Amount, Mention, Source


def test_with_group_is_replace_for_every_field() -> None:
    """Mention.with_group spells its fields out for speed: a field added later must be passed on too."""
    values = {f.name: f"value of {f.name}" for f in fields(Mention)}
    values.update(source=Source("d.txt", "s", 0, 1), start=3, end=9, translations=("t",),
                  amount=Amount(Decimal(5), "5元"))
    mention = Mention(**values)
    assert mention.with_group("g") == replace(mention, group="g")
