"""Package exports that load on first use (PEP 562): a stage's `__init__` names what it
offers without importing the modules (and the PDF libraries) behind them."""
from __future__ import annotations

from importlib import import_module


def lazy_exports(package: str, exports: dict[str, str]):
    """(__getattr__, __dir__) for `package`: exports maps a name to its module's name in it."""
    namespace = import_module(package).__dict__

    def __getattr__(name: str):
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{module}"), name)
        namespace[name] = value           # next time without this hook
        return value

    def __dir__():
        return sorted(set(namespace) | set(exports))

    return __getattr__, __dir__
