"""Objects of either PDF reader: pdfread's (plain files, what the build writes) or pypdf's
(any other file), so preflight walks both with the same code."""
from __future__ import annotations

import abc
import sys

from layout.preflight import pdfread


def _either(ours: tuple, theirs: str):
    """An isinstance() class for pdfread's objects and pypdf's (once pypdf is imported)."""
    class Kind(abc.ABC):
        @classmethod
        def __subclasshook__(cls, other):
            if issubclass(other, ours):
                return True
            generic = sys.modules.get("pypdf.generic")
            return True if generic is not None and issubclass(other, getattr(generic, theirs)) else NotImplemented
    return Kind


AnyRef = _either((pdfread.Ref,), "IndirectObject")
AnyDict = _either((pdfread.Dict,), "DictionaryObject")
AnyArray = _either((pdfread.Array,), "ArrayObject")
AnyBool = _either((pdfread.Bool,), "BooleanObject")
AnyNull = _either((), "NullObject")


def resolve(obj):
    return obj.get_object() if isinstance(obj, AnyRef) else obj
