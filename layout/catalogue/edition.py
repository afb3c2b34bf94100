"""The edition stage's messages (reading the YAML, the paper, the edition, its assets)."""

ENTRIES = {
    "unknown-key": (("unknown key '{key}' (did you mean '{suggestion}'?)",
                     "unknown key '{key}' (expected one of: {expected})",
                     "unknown key '{key}'"),
                    ("未知的键“{key}”（是否应为“{suggestion}”？）",
                     "未知的键“{key}”（可用的键：{expected}）",
                     "未知的键“{key}”")),
}
