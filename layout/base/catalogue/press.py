"""The press stage's words (layout.press)."""

ENTRIES = {
    "epoch.not-seconds": ("SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds since 1970",
                          "SOURCE_DATE_EPOCH={value!r} 不是自 1970 年起的整秒数"),
}
