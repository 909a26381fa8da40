# juesuan — build, test and run the extractor. GNU make.
#   make run    install missing Debian packages (as root), build, extract the
#               bundled samples and score them against their gold records
#   make test   the whole suite: unit (cmocka), golden, layouts, hostile
#               input, then again under AddressSanitizer + UBSan
CC      ?= cc
PREFIX  ?= /usr/local
PKGS    := libpcre2-8 icu-uc libutf8proc jansson
DEBS    := libpcre2-dev libicu-dev libutf8proc-dev libjansson-dev libcmocka-dev pkg-config python3 python3-jsonschema parallel
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wundef -Wpointer-arith -Wvla
DEFS    := -D_DEFAULT_SOURCE -DJS_PATTERN_DIR='"$(abspath patterns)"' -DJS_CORPUS_DIR='"$(abspath corpus)"'
CFLAGS  ?= -O3 -g
ASANFL  := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
PKGCF    = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS  = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA   = $(shell pkg-config --libs cmocka 2>/dev/null)

LIBSRC  := arena dec decode normalize tokenize match header tables prose numbers mentions reconcile checks emit html sha256 pipeline
UNITS   := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
GOLD    ?= corpus/gold

# One object directory per flavour: build/release, build/asan.
define flavour
build/$(1)/%.o: extractor/%.c extractor/js_int.h extractor/juesuan.h | deps
	@mkdir -p $$(@D)
	$$(CC) -std=c11 $(WARN) $(DEFS) $(2) $$(PKGCF) -c $$< -o $$@
build/$(1)/libjuesuan.a: $(LIBSRC:%=build/$(1)/%.o)
	ar rcs $$@ $$^
build/$(1)/corpus.o: corpus/corpus.c corpus/corpus.h extractor/js_int.h extractor/juesuan.h | deps
	@mkdir -p $$(@D)
	$$(CC) -std=c11 $(WARN) $(DEFS) $(2) $$(PKGCF) -c $$< -o $$@
build/$(1)/extract: build/$(1)/main.o build/$(1)/corpus.o build/$(1)/libjuesuan.a
	$$(CC) $(2) -pthread -o $$@ $$^ $$(PKGLIBS)
build/$(1)/test_%: tests/unit/test_%.c tests/unit/unit.h build/$(1)/libjuesuan.a
	$$(CC) -std=c11 $(WARN) -Wno-missing-prototypes $(DEFS) $(2) $$(PKGCF) -Iextractor -o $$@ $$< build/$(1)/libjuesuan.a $$(PKGLIBS) $$(CMOCKA)
endef
$(eval $(call flavour,release,$(CFLAGS)))
$(eval $(call flavour,asan,$(ASANFL)))

.DEFAULT_GOAL := all
.SECONDARY:
.PHONY: all deps deps-browser fuzz run test screenshots html-release html-asan test-release test-asan unit golden layouts hostile schema audit batch corpus bench clean format
all: build/extract

build/extract: build/release/extract
	cp $< $@

# Install what is missing from Debian (only when run as root; otherwise say what to install).
deps:
	@missing=""; for p in $(PKGS) cmocka; do pkg-config --exists $$p 2>/dev/null || missing="$$missing $$p"; done; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	python3 -c 'import jsonschema' 2>/dev/null || /usr/bin/python3 -c 'import jsonschema' 2>/dev/null || missing="$$missing python3-jsonschema"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing Debian packages for:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBS) >/dev/null; \
	  else echo "missing:$$missing — as root run: apt-get install $(DEBS)"; exit 1; fi; fi

run: build/extract
	@mkdir -p build/out
	@for f in corpus/samples/*.txt; do ./build/extract < $$f > build/out/$$(basename $$f .txt).json || exit 1; done
	@echo "records written to build/out/"; python3 tests/score.py $(GOLD) build/out

unit-%: build/%/extract $(UNITS:%=build/\%/%)
	@set -e; for t in $(UNITS); do ./build/$*/$$t; done

golden-%: build/%/extract
	@EXTRACT=./build/$*/extract sh tests/golden/run_golden.sh

layouts-%: build/%/extract
	@EXTRACT=./build/$*/extract sh tests/layouts/run_layouts.sh

hostile-%: build/%/extract
	@EXTRACT=./build/$*/extract sh tests/hostile/run_hostile.sh

corpus-%: build/%/extract
	@EXTRACT=./build/$*/extract sh tests/corpus/run_corpus.sh

# The review page; Chromium loads it (release) and screenshots go to build/html.
html-release: build/release/extract deps-browser
	@python3 tests/html/check_html.py ./build/release/extract build/html corpus/samples/*.txt
html-asan: build/asan/extract
	@HTML_BROWSER=0 python3 tests/html/check_html.py ./build/asan/extract build/html-asan corpus/samples/*.txt

# Only the review page's test needs a browser: Debian's chromium.
deps-browser:
	@command -v chromium >/dev/null || { if [ "$$(id -u)" = 0 ]; then echo "installing Debian package chromium"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "missing: chromium — as root run: apt-get install chromium"; fi; } || \
	  echo "chromium could not be installed: the review pages are checked without a browser"

# make fuzz: libFuzzer (clang, Debian clang + libclang-rt-14-dev) over the
# whole pipeline with ASan+UBSan, seeded from corpus/, FUZZ_SECONDS (600).
# A crash leaves its input in build/fuzz/; copy it to tests/fuzz/crashers/,
# where the hostile suite replays every file.
FUZZ_SECONDS ?= 600
build/fuzz/fuzz_extract: tests/fuzz/fuzz_extract.c $(LIBSRC:%=extractor/%.c) extractor/js_int.h extractor/juesuan.h | deps
	@command -v clang >/dev/null || { echo "missing: clang — as root run: apt-get install clang libclang-rt-14-dev"; exit 1; }
	@mkdir -p $(@D)
	clang -std=c11 $(WARN) $(DEFS) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  $(PKGCF) -Iextractor -o $@ $(filter %.c,$^) $(PKGLIBS)
fuzz: build/fuzz/fuzz_extract
	@mkdir -p build/fuzz/corpus
	cd build/fuzz && ./fuzz_extract -max_total_time=$(FUZZ_SECONDS) -max_len=32768 -timeout=30 \
	  -rss_limit_mb=4096 -dict=../../tests/fuzz/juesuan.dict -artifact_prefix=./ \
	  corpus ../../corpus/samples ../../corpus/renderings/layout ../../corpus/renderings/plain \
	  ../../corpus/renderings/ocr300 ../../tests/fuzz/crashers

# Refresh the README's screenshots of the review page.
screenshots: html-release
	@mkdir -p corpus/screenshots && cp build/html/[0-9]*.png corpus/screenshots/

renderings-%: build/%/extract
	@EXTRACT=./build/$*/extract sh tests/renderings/run_renderings.sh

batch-%: build/%/extract
	@EXTRACT=./build/$*/extract sh tests/batch/run_batch.sh

build/bench-ref: tests/bench/ref.c | deps
	$(CC) -std=c11 -O2 -D_DEFAULT_SOURCE $(PKGCF) -o $@ $< $(PKGLIBS)

# Figures, not a test: end-to-end MB/s at -j 1 and -j 2, RSS, the reference.
bench: build/release/extract build/bench-ref
	@python3 tests/bench/bench.py ./build/release/extract ./build/bench-ref build/bench

schema-%: build/%/extract
	@EXTRACT=./build/$*/extract sh tests/schema/run_schema.sh

# The mutation test runs ~2,000 extractions: release only (a figure, not a timing).
audit-release: build/release/extract
	@EXTRACT=./build/release/extract sh tests/audit/run_audit.sh
audit-asan: build/asan/extract
	@EXTRACT=./build/asan/extract AUDIT_NO_MUTATION=1 sh tests/audit/run_audit.sh

test-release: unit-release golden-release layouts-release hostile-release schema-release audit-release batch-release corpus-release html-release renderings-release
test-asan: unit-asan golden-asan layouts-asan hostile-asan schema-asan audit-asan batch-asan corpus-asan html-asan renderings-asan
test: build/extract test-release test-asan
	@echo "all test suites passed (release and ASan+UBSan)"

clean:
	rm -rf build

format:
	clang-format -i extractor/*.c extractor/*.h tests/unit/*.c tests/unit/*.h
