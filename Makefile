# The two commands of the README: `make run` and `make test`.
# Both install what is missing first (scripts/install-deps), then build with CMake + Ninja + ccache.

JOBS ?= 2
RELEASE_DIR := build/release
TEST_DIR := build/test
CMAKE_COMMON := -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
PORT ?= 8080

.PHONY: run test deps release build-test bench clean

deps:
	@bash scripts/install-deps

release: deps
	@cmake -S . -B $(RELEASE_DIR) $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
	@cmake --build $(RELEASE_DIR) -j$(JOBS)
	@ln -sf $(RELEASE_DIR)/compile_commands.json compile_commands.json

# Builds the release binary, creates the demo company on first start, serves http://localhost:8080.
run: release
	./$(RELEASE_DIR)/vigie --config config/vigie.toml serve --demo --port $(PORT)

build-test: deps
	@cmake -S . -B $(TEST_DIR) $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Debug -DVIGIE_SANITIZE=ON -DVIGIE_WERROR=ON >/dev/null
	@cmake --build $(TEST_DIR) -j$(JOBS)

# Every test: unit, slow (crash, demo), with sanitizers.
test: build-test
	@bash scripts/check-deps
	@cd $(TEST_DIR) && ctest --output-on-failure -j$(JOBS) --timeout 600

bench: release
	./$(RELEASE_DIR)/vigie bench ingest

clean:
	rm -rf build compile_commands.json
