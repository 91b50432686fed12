"""A generated page: its path in the site, its escaped title and its Markdown body."""

import json
from dataclasses import dataclass

from factpack.site.markdown import text


@dataclass
class Page:
    path: str
    title: str  # plain text; escaped here, because mkdocs' templates do not escape titles (mkdocs#3357)
    body: str

    def render(self) -> str:
        title = json.dumps(text(self.title), ensure_ascii=False)
        return f"---\ntitle: {title}\n---\n\n# {text(self.title)}\n\n{self.body}"
