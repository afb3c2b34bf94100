"""The fonts stage's messages (the cache folder's metrics and subsets)."""

ENTRIES = {
    "cache.damaged-metrics": ("cache: the cached metrics of {font} were damaged; rebuilt from the font",
                              "缓存：{font} 的字体度量缓存已损坏，已从字体重建"),
    "cache.damaged-subset": ("cache: the cached subset of {font} was damaged; rebuilt",
                             "缓存：{font} 的嵌入子集缓存已损坏，已重建"),
}
