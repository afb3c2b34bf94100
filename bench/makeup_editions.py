"""Seeded editions for the makeup quality benchmark (bench/makeup_quality.py).

One page per seed: 4-12 stories of realistic Chinese news copy, built from a vocabulary of
phrases (no external data), ranked by their order in `articles` (first = 头条), with 0-3
photos, one boxed commentary (评论) and some briefs (简讯), none of them placed by hand.
The copy is drawn so that the page's stories fill it, as an editor who counts 字数 against
the paper's known page capacity supplies them: a page's worth give or take a few per cent.
`fill` is what the copy needs by the makeup's own planner (`planner_fill`: every story at
the span an editor would first give it, in its natural setting, Planner.menu), 1.0 = a page's
worth; each page's fill is drawn uniformly from FILL_RANGE = 0.95-1.05 (±5 %) and the copy
scaled until the planner agrees within CALIBRATION (0.003; a story's copy changes by whole
sentences, so a page may end a little off: `fill` is the figure reached, `target` the one
drawn). The range is 0.10 wide, wider than the median band of fill the makeup absorbs on
one page (bands 0.06-0.21 wide, median about 0.09, measured by bench/makeup_absorption.py;
layout/makeup/auto.py states it), and centred on a page's worth, not on those bands. `estimate` keeps the old rough
figure of `estimate_rows` (which knows nothing of the makeup's choices) for comparison.
Each page is written as a real edition folder (the sample paper copied beside it) so that
it goes through the public loader.

    page = generate_page(seed)          # a PageSpec: the stories, the page number
    folder = write_edition(page, root)  # root/paper.yaml, root/assets/*.png, root/<seed>/edition.yaml
"""
from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PAPER = ROOT / "editions" / "shijingshan" / "paper.yaml"

COLUMNS = 6
CHARS_PER_LINE = 12          # body characters a column holds (the sample paper: 9 pt on 12 字)
FRONT_ROWS = 64              # body lines below the 报头 (page 1)
INNER_ROWS = 73              # below the 报眉 (pages 2-)

# photos as cameras give them: (file name, width, height in pixels)
PHOTOS = (("photo-3x2.png", 1600, 1067), ("photo-4x3.png", 1600, 1200),
          ("photo-16x9.png", 1600, 900), ("photo-3x4.png", 1125, 1500))

# ---------------------------------------------------------------- vocabulary

TIMES = ("2月23日上午", "2月22日下午", "近日", "日前", "昨天", "今年以来", "春节过后", "连日来",
         "截至目前", "上周末", "本周一", "当天上午", "入冬以来", "2月中旬")
SUBJECTS = ("区委", "区政府", "区商务局", "区卫生健康委", "八角街道", "古城街道", "鲁谷社区",
            "区投资促进服务中心", "区城管委", "区教委", "区文化和旅游局", "区市场监管局", "金顶街街道",
            "苹果园街道", "区园林绿化局", "区交通支队", "区人力社保局", "区民政局", "老山街道",
            "区融媒体中心", "区科信局", "社区党委", "辖区企业", "志愿者队伍")
VERBS = ("召开会议研究部署", "推出", "启动", "全面推进", "认真落实", "组织开展", "持续加强", "积极探索",
         "加快建设", "统筹做好", "扎实推进", "深入开展", "进一步完善", "着力提升", "协调解决")
OBJECTS = ("疫情防控工作", "复工复产各项任务", "社区卡口值守", "生活必需品供应", "重点项目建设",
           "老旧小区综合整治", "垃圾分类工作", "“一企一策”服务包", "线上教学安排", "城市环境治理",
           "冬奥会筹办工作", "造林绿化工程", "便民服务网点建设", "接诉即办工作机制", "公共卫生应急体系",
           "企业用工保障", "困难群众帮扶", "文化惠民活动", "交通秩序整治", "安全生产检查")
CLAUSES = ("确保各项措施落到实处", "做到底数清、情况明", "切实保障群众生活", "推动工作取得实效",
           "努力提高城市治理能力和水平", "形成工作合力", "不断巩固扩大战果", "为全区发展提供有力保障",
           "让居民群众有更多获得感", "坚决打赢疫情防控阻击战", "把责任落实到单位和个人",
           "守好家门口这道防线", "帮助企业解决实际困难", "推动各项政策落地落实")
PEOPLE = ("刘建国", "马秀芬", "何丽娟", "赵女士", "小陈", "王师傅", "李大爷", "张主任", "孙经理", "周老师")
SAYINGS = ("能出一份力就出一份力", "大家心往一处想、劲往一处使", "这套流程大家已经练得很熟了",
           "以前要排十几分钟，现在一两分钟就能办完", "我们一定把好事办好、实事办实",
           "只要坚持下去，就一定能守住", "服务到位了，企业心里就踏实了")
NUMBERS = ("1200余名", "68人", "2100余家", "五成以上", "3000余份", "49箱", "六成", "十余个", "260多户",
           "近百家", "8个", "三个班次", "15处", "4万余件")
COUNTED = ("志愿者", "企业", "居民", "防护物资", "服务网点", "项目", "社区", "商户", "岗位", "问卷")

HEAD_A = ("石景山区召开", "我区", "全区", "八角街道", "区商务局", "古城街道", "鲁谷社区", "区教委",
          "区卫生健康委", "社区", "辖区企业", "区投资促进服务中心")
HEAD_B = ("研究部署疫情防控工作", "推出“一企一策”服务包", "有序推进复工复产", "启动老旧小区改造",
          "开展垃圾分类专项行动", "全力保障生活必需品供应", "线上教学平稳开展", "完善接诉即办机制",
          "加快重点项目建设", "做好困难群众帮扶", "推进造林绿化工作", "组织志愿者上岗值守")
HEAD_PAIRS = (("蔬菜货足价稳", "市民采购有序"), ("线上办、不见面", "助企业有序复工"),
              ("停课不停学", "课堂搬到“云端”"), ("一份热饭菜", "送到老人家"),
              ("快递进不了门", "取件点设到门口"), ("公园限流", "市民错峰赏早春"),
              ("卡口有温度", "服务有速度"), ("老楼装电梯", "居民圆了梦"),
              ("小巷变整洁", "街坊笑开颜"), ("线上招聘会", "岗位送到家门口"),
              ("志愿服务不停歇", "社区防线更牢固"), ("春耕备耕忙", "田间地头不误时"))
KICKERS = ("在职党员、居民群众踊跃报名", "区投资促进服务中心推出新举措", "全区中小学开学时间推迟",
           "聚焦民生实事", "坚持防控和发展两手抓")
SUBHEADS = ("老师变身“主播”，家长当起“助教”", "各项措施落实落细", "重点企业复工率超过六成")
COMMENTARY_HEADS = ("拐点未到 切莫松劲", "细节见担当", "守住家门口", "让服务更暖心", "实干方能致远",
                    "众志成城", "多一分耐心")
BRIEF_HEADS = ("图书馆推出线上服务", "发热门诊信息可查询", "医护人员停车免费", "文化活动搬上“云端”",
               "废弃口罩请投“其他垃圾”", "爱心献血活动不停歇", "便民菜站延长营业", "公交线路临时调整",
               "社保业务可以网上办", "老年餐桌恢复供餐")
REPORTERS = ("本报讯（记者 孙悦然）", "本报讯（记者 李思婵）", "本报讯（通讯员 吴桐）",
             "本报讯（记者 高原 通讯员 林晨）", "本报讯（通讯员 郑雨晴）", "本报讯（通讯员 许诺）")
CAPTIONS = ("志愿者在社区卡口为进出居民测量体温。", "工作人员在超市检查蔬菜供应情况。",
            "市民戴着口罩在公园中散步。", "企业员工在生产线上忙碌。", "老师在家中为学生上网课。")


def _sentence(rng: random.Random) -> str:
    form = rng.randrange(5)
    if form == 0:
        return f"{rng.choice(TIMES)}，{rng.choice(SUBJECTS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(CLAUSES)}。"
    if form == 1:
        return (f"记者了解到，{rng.choice(SUBJECTS)}已有{rng.choice(NUMBERS)}{rng.choice(COUNTED)}参与"
                f"{rng.choice(OBJECTS)}。")
    if form == 2:
        return f"“{rng.choice(SAYINGS)}。”{rng.choice(PEOPLE)}说。"
    if form == 3:
        return (f"{rng.choice(SUBJECTS)}要求，要{rng.choice(VERBS)}{rng.choice(OBJECTS)}，"
                f"{rng.choice(CLAUSES)}，{rng.choice(CLAUSES)}。")
    return f"下一步，{rng.choice(SUBJECTS)}将{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(CLAUSES)}。"


def paragraph(rng: random.Random, length: int, most: int = 250) -> str:
    """About `length` characters of whole sentences (never cut mid-way), at most `most`."""
    out = ""
    tries = 0
    while len(out) < length and tries < 20:
        s = _sentence(rng)
        if len(out) + len(s) > most:
            tries += 1
            continue
        out += s
    return out


def body(rng: random.Random, chars: int, lo: int = 60, hi: int = 250) -> list[str]:
    """Paragraphs of lo-hi characters adding up to at least `chars`."""
    paras, total = [], 0
    while total < chars:
        left = chars - total
        want = max(lo, left) if left < hi + lo else rng.randint(lo, hi)
        p = paragraph(rng, min(want, hi), hi)
        paras.append(p)
        total += len(p)
    return paras


def headline(rng: random.Random) -> str | list[str]:
    """8-20 characters; a third of them two phrases with a space between (两句式); of the
    others, a long one is often given by the editor as two set lines (a list)."""
    if rng.random() < 0.35:
        a, b = rng.choice(HEAD_PAIRS)
        return f"{a} {b}"
    a, b = rng.choice(HEAD_A), rng.choice(HEAD_B)
    while len(a + b) > 20:
        a, b = rng.choice(HEAD_A), rng.choice(HEAD_B)
    if len(a + b) > 12 and rng.random() < 0.5:
        return [a, b]
    return a + b


# ---------------------------------------------------------------- the page

@dataclass
class Story:
    id: str
    kind: str                    # news | commentary | brief | photo
    headline: str | list[str]
    paragraphs: list[str]
    kicker: str = ""
    subhead: str = ""
    byline: str = ""
    author: str = ""
    photo: tuple[str, int, int] | None = None
    caption: str = ""
    headline_size: float = 0.0

    @property
    def chars(self) -> int:
        return sum(len(p) for p in self.paragraphs)


@dataclass
class PageSpec:
    seed: int
    number: int                  # 1 = the front page (报头), else an inner page (报眉)
    stories: list[Story] = field(default_factory=list)
    fill: float = 1.0            # the share of the page the copy needs (planner_fill)
    target: float = 1.0          # the fill it was drawn to
    estimate: float = 1.0        # the rough estimate's figure (estimate_rows), for comparison

    @property
    def rows(self) -> int:
        return FRONT_ROWS if self.number == 1 else INNER_ROWS


def _photo_rows(photo, span: int) -> int:
    _, w, h = photo
    width_pt = span * 108.0 + (span - 1) * 9.2           # the sample grid: 12 字 of 9 pt, 9.2 pt gutters
    return round(width_pt * h / w / 13.5) + 2            # + caption


def estimate_rows(story: Story, span: int) -> int:
    """Rough line slots (rows x columns) a story takes at `span`: headline block, photo,
    body lines at 12 字 a column line (each paragraph's last line half empty)."""
    head = {"brief": 2, "commentary": 5}.get(story.kind, 4 + (2 if story.kicker else 0)
                                             + (2 if story.subhead else 0))
    lines = sum(-(-(len(p) + 2) // CHARS_PER_LINE) for p in story.paragraphs)
    if story.kind == "commentary":
        lines = sum(-(-(len(p) + 2) // (CHARS_PER_LINE - 2)) for p in story.paragraphs) + 2 * span
    photo = _photo_rows(story.photo, span) * span if story.photo else 0
    return head * span + photo + lines


def _span_guess(story: Story, rank: int) -> int:
    if story.kind in ("commentary", "brief") or (story.photo and story.photo[2] > story.photo[1]):
        return 2                             # a portrait photo stands in two columns
    return 4 if rank == 0 else (3 if story.chars > 900 or story.photo else 2)


FILL_RANGE = (0.95, 1.05)   # the fill drawn for a page (planner_fill), uniformly: a page's worth ± 5 %
CALIBRATION = 0.003         # how close the copy is brought to the drawn fill


def page_estimate(page: PageSpec) -> float:
    need = sum(estimate_rows(s, _span_guess(s, i)) for i, s in enumerate(page.stories))
    return need / (page.rows * COLUMNS)


def generate_page(seed: int, number: int | None = None, fill: float | None = None) -> PageSpec:
    """The page of this seed: its number (1 one time in four), 4-12 stories in rank order
    with 200-2,500 characters each (briefs shorter, the lead long), 0-3 photos, one boxed
    commentary, and copy scaled until the planner says it needs `fill` of the page (drawn
    from FILL_RANGE unless given; see `planner_fill`)."""
    rng = random.Random(seed)
    number = number if number is not None else (1 if seed % 4 == 0 else 2 + seed % 3)
    page = PageSpec(seed, number)
    n = rng.randint(4, 12)
    briefs = min(rng.choice((0, 0, 1, 2, 3)), max(0, n - 3))
    news = n - 1 - briefs
    # relative lengths: falling with rank, with noise (a later story may be longer)
    weights = sorted((rng.lognormvariate(0, 0.45) for _ in range(news)), reverse=True)
    for i in range(1, news):
        if rng.random() < 0.3:
            weights[i], weights[i - 1] = weights[i - 1], weights[i]
    photos = rng.choice((0, 1, 1, 2, 2, 3))
    photo_ranks = set(rng.sample(range(news), min(photos, news)))
    stories: list[Story] = []
    for i in range(news):
        kind = "news"
        s = Story(f"s{seed}-{i + 1}", kind, headline(rng), [], byline=rng.choice(REPORTERS))
        if i == 0 and rng.random() < 0.5:
            s.kicker = rng.choice(KICKERS)
        if i == 0 and rng.random() < 0.25:
            s.subhead = rng.choice(SUBHEADS)
        if i in photo_ranks:
            s.photo = rng.choice(PHOTOS)
            s.caption = rng.choice(CAPTIONS)
            if i > 0 and rng.random() < 0.3:
                s.kind = "photo"             # a photo story: the picture and a few lines
        stories.append(s)
    commentary = Story(f"s{seed}-c", "commentary", rng.choice(COMMENTARY_HEADS), [], author="本报评论员")
    brief_list = [Story(f"s{seed}-b{k + 1}", "brief", head, [], headline_size=14)
                  for k, head in enumerate(rng.sample(BRIEF_HEADS, briefs))]
    # the commentary's rank: among the first few (评论 often rides beside the lead)
    at = min(len(stories), rng.choice((1, 1, 2, 3)))
    stories.insert(at, commentary)
    stories += brief_list
    page.stories = stories
    target = rng.uniform(*FILL_RANGE) if fill is None else fill
    page.target = target
    share = {s.id: w for s, w in zip((s for s in stories if s.kind in ("news", "photo")), weights)}
    # a page too full even with the shortest stories loses a photo, then its last story
    # (as an editor would), never going below 4 stories
    while True:
        _calibrate(page, share, target)
        if page.fill <= target + 0.01 or len(stories) <= 4 and not any(s.photo for s in stories):
            return page
        with_photo = [s for s in stories if s.photo]
        if with_photo:
            s = max(with_photo, key=lambda s: s.photo[2] / s.photo[1])
            s.photo, s.caption = None, ""
            if s.kind == "photo":
                s.kind = "news"
        else:
            stories.pop(-1 if stories[-1].kind != "commentary" else -2)


def _set_copy(page: PageSpec, share: dict, scale: float) -> None:
    """Each story's copy for this scale (the same words each time, only more or fewer)."""
    for s in page.stories:
        r = random.Random(f"{page.seed}-{s.id}")
        if s.kind == "brief":
            chars = 200 + int(min(1.0, scale / 3000) * 200)
            s.paragraphs = body(r, chars, 60, 200)
        elif s.kind == "commentary":
            s.paragraphs = body(r, max(300, min(1200, int(scale * 0.7))), 100, 250)
        else:
            base = scale * share[s.id] * (0.35 if s.kind == "photo" else 1.0)
            s.paragraphs = body(r, max(200, min(2400, int(base))))


def _calibrate(page: PageSpec, share: dict, target: float) -> None:
    """The copy scale at which planner_fill(page) is `target` (within CALIBRATION): a first
    guess from the rough estimate, then the secant method on the planner's figure."""
    scale = 600.0
    for _ in range(40):                      # the rough estimate: a cheap first guess
        _set_copy(page, share, scale)
        est = page_estimate(page)
        if abs(est - target) < 0.01:
            break
        scale *= max(0.7, min(1.4, target / est))
    tried: list[tuple[float, float]] = []
    for _ in range(8):
        _set_copy(page, share, scale)
        got = planner_fill(page)
        tried.append((scale, got))
        if abs(got - target) <= CALIBRATION:
            break
        if len(tried) >= 2 and tried[-1][1] != tried[-2][1]:
            (s0, f0), (s1, f1) = tried[-2], tried[-1]
            nxt = s1 + (target - f1) * (s1 - s0) / (f1 - f0)
        else:
            nxt = scale * (1 + (target - got) / max(0.3, got))
        scale = max(50.0, min(8000.0, nxt))
    scale, got = min(tried, key=lambda t: abs(t[1] - target))
    _set_copy(page, share, scale)
    page.fill = got
    page.estimate = page_estimate(page)


# ---------------------------------------------------------------- the planner's figure

class _Meter:
    """The sample paper, the fonts and a loader folder, made once per process."""
    def __init__(self):
        import tempfile

        from layout.fonts import FontSet
        from layout.makeup import make_grid
        from layout.makeup.styles import Typesetter

        self.fonts = FontSet.load()
        self.root = prepare_root(Path(tempfile.mkdtemp(prefix="makeup-meter-")))
        self.paper = None
        self.make_grid, self.Typesetter = make_grid, Typesetter


_METER: _Meter | None = None


def planner_fill(page: PageSpec) -> float:
    """The share of the page its copy needs by the makeup's own planner: each story at
    the span an editor would first give it (_span_guess, wider when its headline does
    not fit), at the height of its cheapest shape there (Planner.menu, the natural
    setting: no air, natural photo height, the body's own line count with its last
    column as it falls, the photo across the block), headline sizes stepped down by rank as the makeup does; the
    sum of span x rows over the page's free columns x rows. 1.0 = a page's worth."""
    global _METER
    from layout.edition import load_edition
    from layout.makeup.auto import rank_headline_sizes
    from layout.makeup.furniture import furniture_rows
    from layout.makeup.plan import Part, Planner

    if _METER is None:
        _METER = _Meter()
    m = _METER
    folder = write_edition(page, m.root)
    edition, diags = load_edition(str(folder), font_ids=m.fonts.ids())
    if edition is None:
        raise SystemExit(f"seed {page.seed}: the generated edition does not load: {diags}")
    paper = edition.paper
    grid = m.make_grid(paper)
    rows = grid.rows - furniture_rows(paper, grid, page.number)
    planner = Planner(m.Typesetter(paper, m.fonts), grid)
    parts = rank_headline_sizes(paper, [Part(a) for a in edition.pages[-1].articles])
    need = 0
    for i, (story, part) in enumerate(zip(page.stories, parts)):
        span = _span_guess(story, i)
        while span < grid.columns and not planner.fits(part, span):
            span += 1
        menu = {h: sh for h, sh in planner.menu(part, span, 4 * rows, exact=False).items()
                if not sh.photo_cols}         # the photo across its block, as the editor first sees it
        height = min(menu, key=lambda h: (menu[h].cost, h)) if menu else rows
        need += span * height
    return need / (rows * grid.columns)


# ---------------------------------------------------------------- writing it

def _q(text: str) -> str:
    """A YAML single-quoted scalar (text kept exactly)."""
    return "'" + text.replace("'", "''") + "'"


def edition_yaml(page: PageSpec) -> str:
    out = [f"# generated by bench/makeup_editions.py, seed {page.seed}",
           "paper: ../paper.yaml", "date: 2020-02-24", "issue: 15", "total_issue: 1892",
           f"page_count: {page.number}", "pages:"]
    for n in range(1, page.number):        # pages before it, empty (only page `number` is made up)
        out += [f"  - number: {n}", "    articles: []"]
    out += [f"  - number: {page.number}", "    section: 综合新闻", "    editor: 王晓岚",
            "    art_editor: 许嘉禾", "    articles:"]
    for s in page.stories:
        out.append(f"      - id: {s.id}")
        out.append(f"        kind: {s.kind}")
        for key in ("kicker", "headline", "subhead", "byline", "author"):
            value = getattr(s, key)
            if isinstance(value, list):
                out.append(f"        {key}: [{', '.join(_q(v) for v in value)}]")
            elif value:
                out.append(f"        {key}: {_q(value)}")
        if s.headline_size:
            out.append(f"        headline_size: {s.headline_size:g}")
            out.append("        headline_align: left")
        out.append("        paragraphs:")
        out += [f"          - {_q(p)}" for p in s.paragraphs]
        if s.photo:
            out.append(f"        photo: {{file: ../assets/{s.photo[0]}, caption: {_q(s.caption)}, "
                       f"credit: {_q('本报记者 周昇 摄')}}}")
    return "\n".join(out) + "\n"


def prepare_root(root: Path) -> Path:
    """The sample paper and the photos (grey PNGs at camera aspect ratios) under root."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE_PAPER, root / "paper.yaml")
    assets = root / "assets"
    assets.mkdir(exist_ok=True)
    from PIL import Image, ImageDraw

    for name, w, h in PHOTOS:
        path = assets / name
        if not path.exists():
            img = Image.new("L", (w, h), 150)
            draw = ImageDraw.Draw(img)
            for k in range(0, w, 80):            # a few shapes, so it is not one flat colour
                draw.rectangle((k, h // 3, k + 40, h // 3 + (k % 400)), fill=90 + k % 100)
            img.save(path)
    return root


def write_edition(page: PageSpec, root: Path) -> Path:
    """root/<seed>/edition.yaml (root prepared by prepare_root); the edition's folder."""
    folder = root / f"seed-{page.seed}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "edition.yaml").write_text(edition_yaml(page), encoding="utf-8")
    return folder
