"""The world city index: cached on disk between runs, and the cache never changes an answer."""

from __future__ import annotations

import pytest

from briefgen.extract.lexicon import world


@pytest.fixture
def fresh_index(monkeypatch, tmp_path):
    """An empty cache folder and no index in memory; restores the process-wide index afterwards."""
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "cache"))
    world.world_cities.cache_clear()
    yield tmp_path / "cache"
    world.world_cities.cache_clear()


NAMES = ["Geneva", "Kiev", "Kyiv", "Split", "Mombasa", "Yokohama", "São Paulo"]


def _answers() -> list:
    return [world.find_city(name) for name in NAMES] + [world.find_city("Victoria", frozenset({"Canada"}))]


def test_the_cached_index_gives_the_answers_of_a_fresh_build(fresh_index):
    built = _answers()
    files = list(fresh_index.glob("cities-*.marshal"))
    assert len(files) == 1
    world.world_cities.cache_clear()
    assert _answers() == built  # now read back from the file
    assert any(built) and world.find_city("Mombasa").country == "Kenya"


def test_a_corrupt_cache_file_is_rebuilt(fresh_index):
    _answers()
    (path,) = fresh_index.glob("cities-*.marshal")
    path.write_bytes(b"\x00not an index")
    world.world_cities.cache_clear()
    assert world.find_city("Mombasa").country == "Kenya"


def test_a_cache_folder_that_cannot_be_made_only_costs_time(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(blocker / "cache"))
    world.world_cities.cache_clear()
    try:
        assert world.find_city("Mombasa").country == "Kenya"
    finally:
        world.world_cities.cache_clear()


def test_a_new_index_replaces_the_stale_ones(fresh_index):
    fresh_index.mkdir(parents=True)
    (fresh_index / "cities-0000000000000000.marshal").write_bytes(b"old")
    world.world_cities()
    assert [p.name for p in fresh_index.glob("cities-*.marshal")] == [world._cache_file().name]


def test_the_cache_name_follows_the_gazetteer(fresh_index, monkeypatch):
    first = world._cache_file()
    monkeypatch.setattr(world, "_INDEX_FORMAT", world._INDEX_FORMAT + 1)
    assert world._cache_file() != first


@pytest.mark.parametrize(
    ("demonym", "country"),
    [("Cabo Verdean", "Cabo Verde"), ("Bajan", "Barbados"), ("I-Kiribati", "Kiribati"), ("Salvadorean", "El Salvador")],
)
def test_demonyms_of_official_names_and_local_forms_name_their_country(demonym, country):
    from briefgen.extract.lexicon.gazetteer import gazetteer

    assert gazetteer().affiliation(demonym) == country
