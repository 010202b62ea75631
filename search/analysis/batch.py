"""Index-side analysis of many texts, run in worker processes during a full rebuild.

Plain functions of this module only (no Django): a worker process started with the ``spawn``
method imports it and nothing of the site. The index side of the analyzer does not read the
synonyms, so a worker's ``Analyzer()`` gives what the site's analyzer gives.
"""

from .analyzer import Analyzer

_analyzers = []


def _analyzer():
    if not _analyzers:
        _analyzers.append(Analyzer())
    return _analyzers[0]


def warm():
    """Load the segmenter and the dictionary once, when the worker starts."""
    _analyzer().index_text("社区服务")


def index_texts(texts):
    """``Analyzer.index_text`` of each text, in order."""
    analyzer = _analyzer()
    return [analyzer.index_text(text) for text in texts]
