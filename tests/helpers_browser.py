"""One headless Chromium (Debian's chromium + chromium-driver through selenium) for the review page's
browser test and its open-time benchmark: the same flags in both, so the benchmark measures what the
test exercises. The background-networking flags matter on a machine with no internet: without them
Chromium keeps trying to reach Google's hosts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("BRIEFGEN_CHROMEDRIVER", "/usr/bin/chromedriver")
_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,900",
)


def chromium_installed() -> bool:
    return Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()


def headless_chromium(profile: str) -> Any:
    """A selenium driver for a headless Chromium with its own (empty) profile folder."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (*_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
