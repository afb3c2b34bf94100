"""@record classes (the edition model, diagnostics, fonts) share __repr__/__eq__/__hash__
instead of @dataclass(frozen=True) compiling them per class: they must behave exactly as
those would."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from layout.base import diagnostics
from layout.base.diagnostics import record
from layout.edition import load_edition, model
from layout.fonts import FontSet, manifest, metrics

SAMPLE = Path(__file__).resolve().parents[2] / "editions" / "shijingshan" / "2020-02-24"
CLASSES = [c for m in (model, diagnostics, manifest, metrics) for c in vars(m).values()
           if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == m.__name__]


def _twin(cls):
    """The same class as a plain @dataclass(frozen=True)."""
    ns = {"__annotations__": dict(cls.__annotations__), "__module__": cls.__module__,
          "__qualname__": cls.__qualname__}
    for f in dataclasses.fields(cls):
        ns[f.name] = dataclasses.field(default=f.default, default_factory=f.default_factory,
                                       repr=f.repr, hash=f.hash, compare=f.compare)
    return dataclasses.dataclass(frozen=True)(type(cls.__name__, (), ns))


TWINS = {cls: _twin(cls) for cls in CLASSES}


def _as_twin(obj):
    """obj rebuilt from twins all the way down (tuples, dicts and values kept as they are)."""
    if type(obj) in TWINS:
        return TWINS[type(obj)](**{f.name: _as_twin(getattr(obj, f.name))
                                   for f in dataclasses.fields(obj)})
    if isinstance(obj, tuple):
        return tuple(_as_twin(x) for x in obj)
    if isinstance(obj, dict):
        return {k: _as_twin(v) for k, v in obj.items()}
    return obj


def _objects(obj, out):
    """Every model object inside obj."""
    if type(obj) in TWINS:
        out.append(obj)
        for f in dataclasses.fields(obj):
            _objects(getattr(obj, f.name), out)
    elif isinstance(obj, (tuple, list)):
        for x in obj:
            _objects(x, out)
    elif isinstance(obj, dict):
        for x in obj.values():
            _objects(x, out)
    return out


def _hash(obj):
    try:
        return hash(obj)
    except TypeError as exc:            # a dict field: unhashable either way
        return str(exc)


@pytest.fixture(scope="module")
def objects():
    edition, diags = load_edition(SAMPLE)
    assert edition is not None, diags
    fonts = FontSet.load()
    found = _objects((edition, diags, diagnostics.warning("w", edition.pages[0].pos, "code"),
                      diagnostics.error("e"), [fonts.face(f) for f in fonts.ids()],
                      fonts.metrics("lxgw-wenkai-regular")), [])
    # the sample has no 转版; a 导读's entries are made at makeup, not loaded
    assert set(CLASSES) - {type(o) for o in found} <= {model.Continuation, model.IndexEntry}
    return found


def test_repr_and_hash_are_the_dataclass_ones(objects):
    for obj in objects:
        twin = _as_twin(obj)
        assert repr(obj) == repr(twin)
        assert _hash(obj) == _hash(twin)


def test_equality_is_the_dataclass_one(objects):
    by_class: dict[type, list] = {}
    for obj in objects:
        by_class.setdefault(type(obj), []).append(obj)
    for cls, group in by_class.items():
        for a in group[:8]:
            for b in group[:8]:
                assert (a == b) == (_as_twin(a) == _as_twin(b)), cls
                assert (a != b) == (_as_twin(a) != _as_twin(b)), cls
            assert a == dataclasses.replace(a)
            assert a.__eq__(object()) is NotImplemented
            assert (a == _as_twin(a)) is False            # another class, as a dataclass says


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_frozen_fields_defaults_and_doc(cls):
    twin = TWINS[cls]
    assert [(f.name, f.default, f.default_factory) for f in dataclasses.fields(cls)] == \
        [(f.name, f.default, f.default_factory) for f in dataclasses.fields(twin)]
    assert cls.__match_args__ == twin.__match_args__
    assert cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "(")   # no signature at import
    required = {f.name: 1 for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    obj = cls(**required)
    first = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, first, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(obj, first)
    assert repr(obj) == repr(twin(**required))


def test_one_field_and_excluded_fields_keep_tuples():
    """attrgetter gives a bare value for one name; the hash must still be of a 1-tuple."""
    @record
    class One:
        """One field."""
        a: int

    @record
    class Hidden:
        """A field out of repr, eq and hash; one compared but not hashed."""
        a: int
        b: list = dataclasses.field(default_factory=list, repr=False, compare=False)
        c: int = dataclasses.field(default=0, hash=False)

    assert hash(One(5)) == hash((5,)) and repr(One(5)) == "test_one_field_and_excluded_fields_keep_tuples.<locals>.One(a=5)"
    assert Hidden(1, [1]) == Hidden(1, [2]) and Hidden(1, c=2) != Hidden(1, c=3)
    assert hash(Hidden(1, c=2)) == hash(Hidden(1, c=3)) == hash((1,))
    assert repr(Hidden(1, [3], 4)).endswith("Hidden(a=1, c=4)")


def test_a_class_keeps_its_own_methods_as_with_dataclass():
    @record
    class Own:
        """__repr__ and __eq__ of its own; __hash__ then as dataclass makes it."""
        a: int
        b: int = 0

        def __repr__(self):
            return "own"

        def __eq__(self, other):
            return isinstance(other, Own) and self.a == other.a

    @dataclasses.dataclass(frozen=True)
    class Twin:
        """The same with dataclass."""
        a: int
        b: int = 0

        def __repr__(self):
            return "own"

        def __eq__(self, other):
            return isinstance(other, Twin) and self.a == other.a

    assert repr(Own(1)) == repr(Twin(1)) == "own"
    assert (Own(1, 2) == Own(1, 3)) and (Twin(1, 2) == Twin(1, 3))
    assert hash(Own(1, 2)) == hash(Twin(1, 2)) == hash((1, 2))
