"""textwrap for pyfast: wrap, fill, shorten, dedent, indent and
TextWrapper, breaking lines as CPython's does (words split on whitespace
and after hyphens; tabs expanded; whitespace collapsed per option)."""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_WS = "\t\n\x0b\x0c\r "


class TextWrapper:
    """Wrap paragraphs of text: see `wrap` and `fill` for the options."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _WS:
                text = text.replace(c, " ")
        return text

    def _split(self, text):
        """Chunks: runs of whitespace, and words (split after a hyphen that
        follows a letter and precedes a letter, when break_on_hyphens)."""
        chunks = []
        i = 0
        n = len(text)
        while i < n:
            j = i
            if text[i].isspace():
                while j < n and text[j].isspace():
                    j += 1
                chunks.append(text[i:j])
                i = j
                continue
            while j < n and not text[j].isspace():
                j += 1
            word = text[i:j]
            if self.break_on_hyphens:
                chunks.extend(self._split_hyphens(word))
            else:
                chunks.append(word)
            i = j
        return chunks

    @staticmethod
    def _split_hyphens(word):
        """Split after each run of hyphens between a letter or digit and a letter."""
        parts = []
        start = 0
        k = 0
        n = len(word)
        while k < n:
            if word[k] == "-" and k > 0 and word[k - 1].isalnum():
                e = k
                while e < n and word[e] == "-":
                    e += 1
                if e < n and word[e].isalpha():
                    parts.append(word[start:e])
                    start = e
                k = e
            else:
                k += 1
        parts.append(word[start:])
        return [p for p in parts if p]

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            c = chunks[i]
            if chunks[i + 1] == " " and len(c) > 1 and c[-1] in ".!?" or \
                    (chunks[i + 1] == " " and len(c) > 2 and c[-1] in "\"'" and c[-2] in ".!?"):
                body = c.rstrip("\"'")[:-1]
                if body and body[-1].islower():
                    chunks[i + 1] = "  "
                    i += 2
                    continue
            i += 1

    def _handle_long_word(self, chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (not chunks or self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
                        and cur_len <= width):
                    lines.append(indent + "".join(cur_line))
                else:
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + "".join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def wrap(self, text):
        """The lines of text wrapped to width, without final newlines."""
        chunks = self._split(self._munge_whitespace(text))
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse whitespace and truncate text to width, ending in the placeholder."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    """Remove the whitespace prefix common to every non-blank line (lines of
    only whitespace are normalized to a bare newline)."""
    lines = text.split("\n")
    margin = None
    for i, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        if not stripped:
            lines[i] = ""
            continue
        prefix = line[:len(line) - len(stripped)]
        if margin is None:
            margin = prefix
        elif prefix.startswith(margin):
            pass
        elif margin.startswith(prefix):
            margin = prefix
        else:
            k = 0
            while k < len(margin) and k < len(prefix) and margin[k] == prefix[k]:
                k += 1
            margin = margin[:k]
    if margin:
        lines = [line[len(margin):] if line else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text (by default those not only whitespace)."""
    if predicate is None:
        predicate = lambda line: line.strip()
    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))
