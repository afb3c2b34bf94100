"""The edition stage's messages (reading the YAML, the paper, the edition, its assets)."""

ENTRIES = {
    "unknown-key": (("unknown key '{key}' (did you mean '{suggestion}'?)",
                     "unknown key '{key}' (expected one of: {expected})",
                     "unknown key '{key}'"),
                    ("未知的键“{key}”（是否应为“{suggestion}”？）",
                     "未知的键“{key}”（可用的键：{expected}）",
                     "未知的键“{key}”")),
    # 农历 and issue numbers (layout.edition.lunar, layout.edition.sequence)
    "lunar-contradicts": ("{key}: {typed} contradicts the date {date}, which is {computed} in the Chinese "
                          "calendar (delete {key} to print the computed date)",
                          "{key}：{typed} 与日期 {date} 不符，该日为农历{computed}（删去 {key} 即印出算得的农历）"),
    "lunar-unreadable": ("{key}: '{typed}' is not a Chinese calendar date newsprint can read (like {computed}); "
                         "it is printed as written; {date} is {computed}",
                         "{key}：“{typed}”不是能识别的农历日期（应如 {computed}），按原样印出；{date} 为农历{computed}"),
    "issue-sequence": (("{key}: issue {issue} does not follow issue {previous} of the previous edition {path} "
                        "of {date}: expected {expected}; the paper's issue numbers start again each year "
                        "({setting})",
                        "{key}: issue {issue} does not follow issue {previous} of the previous edition {path} "
                        "of {date}: expected {expected}"),
                       ("{key}：第{issue}期没有接上 {date} 的上一期 {path}（第{previous}期）：应为第{expected}期；"
                        "本报期号每年从头编起（{setting}）",
                        "{key}：第{issue}期没有接上 {date} 的上一期 {path}（第{previous}期）：应为第{expected}期")),
    "total-issue-sequence": ("{key}: total issue {issue} does not follow total issue {previous} of the previous "
                             "edition {path} of {date}: expected {expected}",
                             "{key}：总第{issue}期没有接上 {date} 的上一期 {path}（总第{previous}期）：应为总第{expected}期"),
    # story files (layout.edition.story)
    "story-header": ("story header: this line is not 'key: value'; end the header with an empty line "
                     "before the text",
                     "稿件文件的头部：这一行不是“键: 值”；头部写完先空一行，再写正文"),
    "story-empty-value": ("{key}: must not be empty", "{key}：不能为空"),
    "story-duplicate-key": ("duplicate key '{key}' (first at {line}:1)", "键“{key}”重复（第一次在 {line}:1）"),
    "story-conflict": ("{key}: the edition file gives '{edition}' (at {at}), which is used; the story "
                       "file's '{story}' is not",
                       "{key}：版面文件写的是“{edition}”（{at}），用它；稿件文件里的“{story}”不用"),
    "story-and-paragraphs": ("{key}: the text of article '{article}' comes from its story file ({story}); "
                             "give it in one place, not both",
                             "{key}：稿件 {article} 的正文已在稿件文件（{story}）里；只在一处给出，不要两处都写"),
    "story-no-headline": ("article '{article}' has no headline: give {key} here or in its story file's "
                          "header ({story})",
                          "稿件 {article} 没有标题：在这里或在稿件文件（{story}）的头部写上 {key}"),
    "story-no-text": ("story file has no text: write the paragraphs after the header and an empty line",
                      "稿件文件没有正文：头部之后空一行，再写各段"),
    "where.story-field": ("article {article}, {key}", "稿件 {article} 的 {key}"),
    "where.story-paragraph": ("article {article}, paragraph {n}", "稿件 {article} 第{n}段"),
    "invisible-removed": ("{what}: removed {n} invisible {n:plural:character|characters}: {chars}",
                          "{what}：删去 {n} 个不可见字符：{chars}"),
    "invisible-refused": (("{what}: invisible character {char} (and {more} more); delete it, or set {rule} "
                           "in the paper",
                           "{what}: invisible character {char}; delete it, or set {rule} in the paper"),
                          ("{what}：不可见字符 {char}（另有 {more} 个）；删去，或在报纸文件里设 {rule}",
                           "{what}：不可见字符 {char}；删去，或在报纸文件里设 {rule}")),
    # importing a reporter's document (layout.edition.importing, layout.edition.docx)
    "import-format": ("cannot import a '{suffix}' file: give a {formats} file (a {old} file: save it as "
                      "{docx} first)",
                      "不能导入“{suffix}”文件：请给 {formats} 文件（{old} 文件请先另存为 {docx}）"),
    "import-unreadable": ("not a Word document newsprint can read ({why}); save it again as {docx}",
                          "不是 newsprint 能读的文档（{why}）；请重新另存为 {docx}"),
    "import-tracked-changes": ("the document has {n} tracked {n:plural:change|changes} (insertions, deletions "
                               "or moves): accept or reject them in the word processor and save it again; "
                               "newsprint does not guess which text is meant",
                               "文档中有 {n} 处修订（插入、删除或移动）：请在文字处理软件里“审阅 → 接受/拒绝修订”后"
                               "重新保存；newsprint 不猜哪段文字算数"),
    "import-comments": ("the document has comments: delete them and save it again, so that no note to the "
                        "editor is printed or lost",
                        "文档中有批注：请“审阅 → 删除批注”后重新保存，免得给编辑的话被印出或丢掉"),
    "import-table": ("a table ({n} cells) is not imported: {text}; set it as a picture or write it as text",
                     "表格（{n} 格）没有导入：{text}；请做成图片，或改写成文字"),
    "import-text-box": ("paragraph {n}: a text box is not imported: {text}",
                        "第{n}段：文本框没有导入：{text}"),
    "import-footnote": ("paragraph {n}: a footnote is not imported (write it into the text)",
                        "第{n}段：脚注没有导入（请写进正文）"),
    "import-symbol": ("paragraph {n}: a character of a symbol font ({char}) is not imported: type the "
                      "character itself",
                      "第{n}段：符号字体的字符（{char}）没有导入：请直接输入这个字符"),
    "import-pictures": ("{n} {n:plural:picture|pictures} not imported: save each to the edition's {folder} "
                        "folder and give one as the article's {key}",
                        "{n} 张图片没有导入：请存进本期的 {folder} 文件夹，选一张写作这篇稿件的 {key}"),
    "import-crosshead": ("paragraph {n}: a heading inside the text ('{text}') is imported as a paragraph "
                         "(the story format has no crossheads)",
                         "第{n}段：正文中的小标题（“{text}”）作为一段导入（稿件文件不分小标题）"),
    "import-headline-centred": ("no paragraph is styled as a title: the first one, short and centred, is "
                                "taken as the headline",
                                "没有段落用标题样式：第一段较短且居中，作为标题"),
    "import-headline-bold": ("no paragraph is styled as a title: the first one, short and bold, is taken as "
                             "the headline",
                             "没有段落用标题样式：第一段较短且为粗体，作为标题"),
}
