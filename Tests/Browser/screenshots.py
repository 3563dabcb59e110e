#!/usr/bin/env python3
"""Screenshots of the PartnerPortal's key pages in headless Chromium, for people to look at.

Starts the built PartnerPortal binary (`serve --port 0`), then for the guest (with the browser's
Accept-Language set to en, de and ko) and three personas whose user records carry those locales
(pat: en, ines: de, jisoo: ko) opens the home page, the leads list, a lead, the deals page with
its chart, the case form, the questions and the help center's home page, at 1280 and 375 px wide, and saves full-page PNGs
to the artifacts folder (default .build/browser-artifacts/screenshots) with an index.html that
shows them side by side. Also reports pages that scroll sideways at 375 px.

Usage: screenshots.py [--binary PATH] [--artifacts DIR] [--only NAME,...]
Last line: "N screenshots, M pages too wide"; the exit status is non-zero when a page is too wide
or a persona could not sign in.
"""

import argparse
import html
import os
import pathlib
import sys
import tempfile
import urllib.parse

from selenium.webdriver.common.by import By

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import portal_test  # noqa: E402  (the server and browser helpers of the browser suite)

ROOT = pathlib.Path(__file__).resolve().parents[2]
WIDTHS = [(1280, 900), (375, 812)]
VIEWERS = [("guest", "en"), ("guest", "de"), ("guest", "ko"), ("pat", "en"), ("ines", "de"), ("jisoo", "ko")]
PAGES = [("home", "/partners/"), ("leads", "/partners/leads"), ("lead", None), ("deals", "/partners/deals"),
         ("case-form", "/partners/support"), ("questions", "/partners/questions"), ("help-home", "/help/")]


def full_page_png(driver, width, height, path):
    """A screenshot of the whole page at `width` CSS pixels (Chromium's device metrics override)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    total = driver.execute_script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": min(int(total), 6000), "deviceScaleFactor": 1, "mobile": False})
    wide = driver.execute_script("return document.scrollingElement.scrollWidth")
    driver.save_screenshot(str(path))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return wide


def first_lead(b):
    b.open("/partners/leads")
    for a in b.driver.find_elements(By.CSS_SELECTOR, "main a[href*='/lead/']"):
        return urllib.parse.urlsplit(a.get_attribute("href")).path
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.environ.get("PARTNER_PORTAL_BINARY", str(ROOT / ".build/debug/PartnerPortal")))
    parser.add_argument("--artifacts", default=os.environ.get("BROWSER_ARTIFACTS", str(ROOT / ".build/browser-artifacts")))
    parser.add_argument("--only", default="", help="comma-separated viewer names (guest, pat, ines, jisoo)")
    options = parser.parse_args()
    out = pathlib.Path(options.artifacts) / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    only = set(filter(None, options.only.split(",")))

    outbox = tempfile.TemporaryDirectory()
    server = portal_test.Server(pathlib.Path(options.binary), pathlib.Path(outbox.name) / "outbox.jsonl")
    shots, too_wide, problems = [], [], []
    try:
        for persona, language in VIEWERS:
            if only and persona not in only:
                continue
            b = portal_test.Browser(server, language=language)
            try:
                if persona != "guest" and not b.sign_in("partners", persona, server.password or ""):
                    problems.append(f"{persona} could not sign in")
                    continue
                lead = first_lead(b) if persona != "guest" else None
                for name, path in PAGES:
                    path = path or lead
                    if not path:
                        continue
                    for width, height in WIDTHS:
                        b.open(path)
                        file = f"{persona}-{language}-{name}-{width}.png"
                        wide = full_page_png(b.driver, width, height, out / file)
                        shots.append((persona, language, name, width, file, b.path()))
                        if width == 375 and wide > 375:
                            too_wide.append(f"{b.path()} as {persona} ({language}): scrollWidth {wide}")
            finally:
                b.close()
    finally:
        server.stop()
        outbox.cleanup()

    rows = []
    for persona, language, name, width, file, landed in shots:
        rows.append(f"<figure><img src='{html.escape(file)}' alt='' loading='lazy' width='{min(width, 640)}'>"
                    f"<figcaption>{html.escape(persona)} · {language} · {html.escape(name)} · {width}px · {html.escape(landed)}</figcaption></figure>")
    (out / "index.html").write_text("<!DOCTYPE html><meta charset='utf-8'><title>PartnerPortal screenshots</title>"
                                    "<style>body{font-family:sans-serif}figure{display:inline-block;vertical-align:top;margin:8px}"
                                    "img{border:1px solid #ccc;max-width:640px;height:auto}</style>" + "".join(rows))
    for line in problems + too_wide:
        print("FAIL " + line)
    print(f"screenshots in {out}")
    print(f"{len(shots)} screenshots, {len(too_wide)} pages too wide")
    return 1 if too_wide or problems else 0


if __name__ == "__main__":
    sys.exit(main())
