"""Every CLI command has help with an example and is documented in the README."""

from pathlib import Path

import click
import pytest

from dashboard.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)


def test_there_are_commands():
    assert "extract" in COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_an_example(name):
    command = main.commands[name]
    help_text = command.get_help(click.Context(command, info_name=name))
    assert command.help and "Example" in help_text, f"figures {name} needs help text with an example"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name):
    assert f"figures {name}" in README, f"README does not document `figures {name}`"


def test_readme_starts_with_the_two_commands():
    block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "pip install" in block[0] and "figures " in block[0]
    assert "'.[test]'" in block[1] and "pytest" in block[1]
