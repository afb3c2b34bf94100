"""The edition stage's messages (reading the YAML, the paper, the edition, its assets)."""

ENTRIES = {
    "unknown-key": (("unknown key '{key}' (did you mean '{suggestion}'?)",
                     "unknown key '{key}' (expected one of: {expected})",
                     "unknown key '{key}'"),
                    ("未知的键“{key}”（是否应为“{suggestion}”？）",
                     "未知的键“{key}”（可用的键：{expected}）",
                     "未知的键“{key}”")),
    # YAML syntax that takes text away from a printed text (source.hidden_by_yaml)
    "yaml-eats-text.comment": ("{key}: YAML reads '{text}' as a comment, so it is not part of the text; "
                               "quote the text (\"…\") to print it",
                               "{key}：YAML 把“{text}”当作注释，它不属于文字；要印出它，请给文字加引号（\"…\"）"),
    "yaml-eats-text.written-comment": ("{key}: YAML reads '{text}' as a comment, so it is not part of the text; "
                                       "quote the text (\"…\") to print it, or put the comment on a line of its own",
                                       "{key}：YAML 把“{text}”当作注释，它不属于文字；要印出它，请给文字加引号（\"…\"），"
                                       "否则请把注释写在单独一行"),
    "yaml-eats-text.anchor": ("{key}: YAML reads '{text}' at the start as an anchor (a name for the value), "
                              "so it is not part of the text; quote the text (\"…\") to print it",
                              "{key}：YAML 把开头的“{text}”当作锚点（值的名字），它不属于文字；要印出它，请给文字加引号（\"…\"）"),
    "yaml-eats-text.tag": ("{key}: YAML reads '{text}' at the start as a tag, so it is not part of the text; "
                           "quote the text (\"…\") to print it",
                           "{key}：YAML 把开头的“{text}”当作标签，它不属于文字；要印出它，请给文字加引号（\"…\"）"),
    # the cache folder (layout.base.files entries)
    "cache.damaged-mark": ("cache: the mark of {what} '{file}' was damaged; the picture was decoded again",
                           "缓存：{what}“{file}”的解码记录已损坏，已重新解码图片"),
}
