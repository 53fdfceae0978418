"""The insights demo as a file, `content/demo/insights/route_guide_tallies.yaml`: how often
each route-guide answer is counted a day over the last `days` days, so that the "answers
given most often" chart has something to show (a plausible mix: buying and grants asked
about most). `read_demo_content()` reads and checks it."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator

from apps.core.content_files import DEMO_DIR, ContentModel, read_yaml

from .services import TALLIED_QUESTIONS

FOLDER = DEMO_DIR / "insights"


class AnswerCount(ContentModel):
    question: str
    answer: str = Field(min_length=1, max_length=40)
    per_day: int = Field(ge=0)

    @field_validator("question")
    @classmethod
    def _tallied(cls, question: str) -> str:
        if question not in TALLIED_QUESTIONS:
            raise ValueError(f"the route guide counts only {', '.join(TALLIED_QUESTIONS)}")
        return question


class RouteGuideTallies(ContentModel):
    days: int = Field(ge=1, le=366)
    answers_per_day: list[AnswerCount] = Field(min_length=1)


def read_demo_content(folder: Path = FOLDER) -> RouteGuideTallies:
    return read_yaml(folder / "route_guide_tallies.yaml", RouteGuideTallies)
