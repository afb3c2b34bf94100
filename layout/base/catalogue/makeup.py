"""The makeup stage's messages (blocks, pages, threading, text set on the page)."""

ENTRIES = {
    # where a problem is (arguments of other messages)
    "where.paragraph": ("article {article}, paragraph {n}", "稿件 {article} 第{n}段"),
    "where.stanza": ("article {article}, stanza {n}", "稿件 {article} 第{n}节"),
    "where.caption": ("article {article}, caption", "稿件 {article} 图片说明"),
    "where.headline": ("article {article}, headline", "稿件 {article} 标题"),
    "where.furniture": ("furniture ({role})", "版面固定元素（{role}）"),
    "where.masthead": ("masthead", "报头"),
    "where.page-field": ("page {page}, {key}", "第{page}版 {key}"),
    "where.paper-text": ("the paper's standing text", "报纸的固定文字"),
    # text
    "normalised": ("article {article}: {changes}", "稿件 {article}：{changes}"),
    "normalised.punctuation": ("normalised {n} ASCII punctuation {n:plural:mark|marks} to full width ({marks})",
                               "{n} 个半角标点改为全角（{marks}）"),
    "normalised.quotes": ("paired {n} straight {n:plural:quote|quotes} as “ ”", "{n} 个直引号配成“ ”"),
    "normalised.zero-width": ("removed {n} zero-width {n:plural:character|characters}", "删去 {n} 个零宽字符"),
    "unpaired-quote": (("unpaired straight quote set as opening quote at character {index}",
                        "unpaired straight quote set as opening quote"),
                       ("第 {index} 个字符的直引号不成对，已排作前引号", "直引号不成对，已排作前引号")),
    "missing-glyph": ("{what}: no font has the character '{char}' ({codepoint})",
                      "{what}：没有字体含有字符“{char}”（{codepoint}）"),
    "loose-line.short": ("{what}: line {n} '{text}' cannot be justified with gaps of at most ½ em "
                         "(a word, URL or number longer than the room); set {pt:.1f} pt short of the measure",
                         "{what}：第 {n} 行“{text}”字距超过半字仍排不满（词、网址或数字太长），行末空出 {pt:.1f} pt"),
    "loose-line.long": ("{what}: line {n} '{text}' does not fit even with its punctuation squeezed; "
                        "set {pt:.1f} pt beyond the measure",
                        "{what}：第 {n} 行“{text}”标点挤压后仍排不下，超出 {pt:.1f} pt"),
    # blocks and pages (pages.py, blocks.py: the lead converts those call lines)
    "widow-kept": ("article {article}: column {column} begins with the last line of paragraph {paragraph} "
                   "alone; no paragraph set a line shorter or longer avoids it, and balanced columns come "
                   "first (a few characters more or fewer in that paragraph would)",
                   "稿件 {article}：第 {column} 栏以第 {paragraph} 段的末行开头（孤行）；没有哪一段缩一行或伸一行能避免，"
                   "平衡栏优先（该段增删几个字即可）"),
    "outside-grid": ("article {article}: placement outside the {columns}-column grid",
                     "稿件 {article}：位置超出 {columns} 栏的版面"),
    "below-page": ("article {article}: rows {first}–{last} run below the last line of page {page} ({lines} lines)",
                   "稿件 {article}：第 {first}–{last} 行超出第{page}版的最后一行（共 {lines} 行）"),
    "empty-continuation": ("article {article}: all its text fits on page {origin}; the continuation on "
                           "page {page} is empty",
                           "稿件 {article}：全文已在第{origin}版排完，第{page}版的转版是空的"),
    "headline-too-long-vertical": ("article {article}: the vertical headline is {length:.1f} pt long, the "
                                   "block {avail:.1f} pt tall even at the style's smallest size; shorten it or "
                                   "give the article more rows",
                                   "稿件 {article}：竖排标题长 {length:.1f} pt，即使用最小字号，版块也只有 {avail:.1f} pt 高；"
                                   "请缩短标题或增加行数"),
    "ad-aspect": ("ad {article}: the artwork does not match its booking: {span} columns × {height:.1f} mm "
                  "({width:.1f} × {height:.1f} mm) needs artwork of that shape; at that width this one is "
                  "{art_height:.1f} mm tall",
                  "广告 {article}：稿样与订版不符：{span} 栏 × {height:.1f} 毫米（{width:.1f} × {height:.1f} 毫米）"
                  "需要同样比例的稿样；按此宽度，这份稿样高 {art_height:.1f} 毫米"),
    "ad-low-resolution": ("ad {article}: artwork at {ppi:.0f} ppi at its booked size, below {min_ppi}",
                          "广告 {article}：稿样按订版尺寸只有 {ppi:.0f} ppi，低于 {min_ppi}"),
    "logo-low-resolution": ("logo: {ppi} ppi at its printed width of {width} mm, below {min_ppi}, which the "
                            "build's preflight refuses; give a larger picture",
                            "报标：按印刷宽度 {width} mm 只有 {ppi} ppi，低于 {min_ppi}，印前检查会拒绝；请提供更大的图片"),
    "low-resolution": ("article {article}: photo at {ppi:.0f} ppi, below {min_ppi}",
                       "稿件 {article}：图片只有 {ppi:.0f} ppi，低于 {min_ppi}"),
    "overflow": ("article {article}: {chars} characters over ({lines} lines over) on page {page}",
                 "稿件 {article}：第{page}版超出{chars}字（多 {lines} 行）"),
    "headline-too-wide": ("article {article}: {part} '{headline}' is {width:.1f} pt wide at its smallest "
                          "size, the block is {avail:.1f} pt",
                          "稿件 {article}：{part}“{headline}”用最小字号仍宽 {width:.1f} pt，稿件框只有 {avail:.1f} pt"),
    "furniture-too-wide": ("page {page}, {what}: '{text}' is {width} mm wide, its place is {room} mm; {hint}",
                           "第{page}版 {what}：“{text}”宽 {width} mm，所在位置只有 {room} mm；{hint}"),
    "furniture-too-tall": ("page {page}, {what}: {need} mm tall, its place is {room} mm; {hint}",
                           "第{page}版 {what}：高 {need} mm，所在位置只有 {room} mm；{hint}"),
    "masthead.title": ("masthead title", "报名"),
    "masthead.small-print": ("the small print beside the masthead title", "报名旁的小字"),
    "masthead.dateline": ("date line", "日期行"),
    "masthead.hotline-title": ("hotline box title", "热线框标题"),
    "masthead.hotline": ("hotline entry", "热线条目"),
    "masthead.hotlines": ("{n} hotline entries", "{n} 条热线"),
    "masthead.qr-caption": ("QR code caption", "二维码说明"),
    "folio.left": ("folio, left", "报眉左侧"),
    "folio.center": ("folio, centre", "报眉中间"),
    "folio.right": ("folio, right", "报眉右侧"),
    "hint.shorten": ("shorten it", "请缩短"),
    "hint.title": ("use a logo, a shorter title or a smaller {key} size",
                   "请改用报标图片、缩短报名或减小 {key} 的字号"),
    "hint.fewer": ("the hotline box holds {n}", "热线框最多放 {n} 条"),
    "part.kicker": ("kicker", "引题"),
    "part.headline": ("headline", "标题"),
    "part.subhead": ("subhead", "副题"),
    # automatic makeup (auto.py: the lead converts those call lines)
    "no-fit": ("article {article}: cannot be set on page {page} at any width (its headline or photo "
               "does not fit the page)",
               "稿件 {article}：在第{page}版上任何宽度都排不下（标题或图片放不进本版）"),
    "page-overfull": ("page {page}: '{article}' does not fit: {lines} {lines:plural:line|lines} of its body "
                      "(≈ {chars} characters) over; ways out: {ways}",
                      "第{page}版：“{article}”排不下，正文多 {lines} 行（≈ {chars} 字）；可以：{ways}"),
    "way.cut": ("cut ≈ {chars} characters", "删去约 {chars} 字"),
    "way.photo": ("a smaller photo (photo: {{rows: {rows}}}, now {now} lines high; makes room for ≈ {chars} "
                  "characters)", "缩小图片（photo: {{rows: {rows}}}，现高 {now} 行；可多排约 {chars} 字）"),
    "way.continue": ("continue it on page {page} (continues_on: {page})", "转到第{page}版（continues_on: {page}）"),
    "way.move": ("move it to page {page}, which has room", "移到有空位的第{page}版"),
    "lead-smaller.copy": ("page {page}: the lead '{lead}' cannot be the largest block: its copy ({lead_chars} "
                          "characters) fills at most {most} (columns × rows) exactly, '{other}' ({other_chars} "
                          "characters) at least {least}: give the lead more copy or a photo, or cut '{other}'",
                          "第{page}版：头条“{lead}”不可能是最大的稿件：它的文字（{lead_chars} 字）正好排满最多 {most}"
                          "（栏×行），“{other}”（{other_chars} 字）至少 {least}：请给头条增加文字或图片，或删减“{other}”"),
    "lead-smaller.search": ("page {page}: the lead '{lead}' is not the largest block ('{other}' is larger): "
                            "no exact makeup with the lead the largest was found",
                            "第{page}版：头条“{lead}”不是最大的稿件（“{other}”更大）：没有找到头条最大又正好排满的组版方式"),
    "lead-smaller.shapes": ("page {page}: the lead '{lead}' is not the largest block ('{other}' is larger): no "
                            "exact makeup {where} has the lead the largest: give the lead more copy or a photo, "
                            "or cut '{other}'",
                            "第{page}版：头条“{lead}”不是最大的稿件（“{other}”更大）：{where}没有头条最大又正好排满的组版方式："
                            "请给头条增加文字或图片，或删减“{other}”"),
    "where.cuts": ("in any cut of the page (stacks, bands, the lead over stacks, any guillotine; shapes as set, "
                   "under pressure and freer)", "在本版任何切分（栏组、通栏、头条下分栏、任意横竖切分；原样、压缩和放宽的形状）中"),
    "where.stacks": ("in two or three stacks (proved by the solver; other cuts searched, not exhaustively)",
                     "在两到三个栏组中（求解器已证明；其他切分已搜索，但未穷尽）"),
    "briefs-apart": ("page {page}: the briefs ({briefs}) are not one column, one under another: no makeup "
                     "with them together was found that fills the page as well",
                     "第{page}版：简讯（{briefs}）没有排成一栏、上下相接：没有找到简讯排在一起又同样排满本版的组版方式"),
    "page-underfull": ("page {page}: no arrangement fills the page exactly; about {lines} lines "
                       "(≈ {chars} characters) are left empty, most in '{article}': add ≈ {chars} characters "
                       "to it or another story, a photo or another story, or place a block by hand",
                       "第{page}版：没有正好排满本版的组版方式，约空 {lines} 行（≈ {chars} 字），多在“{article}”："
                       "请给它或其他稿件增加约 {chars} 字、一张图片或一篇稿件，或手动安排一个稿件的位置"),
    # layout.makeup.verify: nothing drawn where it is hidden or cut
    "text-outside.page": ("page {page}, {block}: {n} {n:plural:glyph|glyphs} drawn outside the trimmed page "
                          "(the first, '{char}', at {x} mm, {y} mm from the top left)",
                          "第{page}版 {block}：{n} 个字排到了裁切线外（第一个“{char}”在距左上角 {x} mm、{y} mm 处）"),
    "text-outside.frame": ("page {page}, {block}: {n} {n:plural:glyph|glyphs} drawn outside the block "
                           "(the first, '{char}', at {x} mm, {y} mm from the top left)",
                           "第{page}版 {block}：{n} 个字排到了稿件框外（第一个“{char}”在距左上角 {x} mm、{y} mm 处）"),
    "text-outside.area": ("page {page}, {block}: {n} {n:plural:glyph|glyphs} drawn outside the type area "
                          "(the first, '{char}', at {x} mm, {y} mm from the top left)",
                          "第{page}版 {block}：{n} 个字排到了版心外（第一个“{char}”在距左上角 {x} mm、{y} mm 处）"),
    "text-overprints": ("page {page}: text of {first} and {second} printed on each other in {n} "
                        "{n:plural:place|places} (the first, '{chars}', at {x} mm, {y} mm from the top left)",
                        "第{page}版：{first} 与 {second} 的文字有 {n} 处叠印（第一处“{chars}”在距左上角 {x} mm、{y} mm 处）"),
    "text-below-minimum": ("page {page}, {block}: text set at {size} pt, below the paper's min_text_size of "
                           "{minimum} pt, which the build's preflight checks (the first, '{char}', at {x} mm, "
                           "{y} mm from the top left)",
                           "第{page}版 {block}：文字字号 {size} pt，小于报纸规定的最小字号 {minimum} pt，排版后的印前检查"
                           "也会提出（第一个“{char}”在距左上角 {x} mm、{y} mm 处）"),
    "weight-fallback": ("article {article}, {part}: '{char}' is not in {face}; it is set in {used}, "
                        "a face of another weight or style",
                        "稿件 {article} {part}：{face} 没有“{char}”，改用 {used} 排出，字重或字形不同"),
}
