// libFuzzer target: the batch call through the C ABI. The input is several application documents
// separated by the byte 0x1E (record separator); the first byte picks the thread count (1-3) and
// whether the input is kept for on-demand results. Every item must equal the single-document call
// (same status, same bytes) and come back in input order.
#include "fuzz_common.hpp"

#include <vector>

using namespace shifan_fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const shifan_engine* engine = builtin_engine();
    const std::uint8_t mode = data[0];
    const char* buffer = reinterpret_cast<const char*>(data + 1);
    const std::size_t buffer_len = size - 1;
    std::vector<std::size_t> offsets{0};
    for (std::size_t i = 0; i < buffer_len; ++i)
        if (buffer[i] == '\x1e') offsets.push_back(i + 1);
    // Document k is [offsets[k], offsets[k+1]); without the separator itself.
    std::vector<std::size_t> ends;
    for (std::size_t k = 1; k < offsets.size(); ++k) ends.push_back(offsets[k] - 1);
    ends.push_back(buffer_len);
    const std::size_t n = ends.size();
    if (n > 64) return 0;
    std::vector<const char*> docs(n);
    std::vector<std::size_t> lens(n);
    for (std::size_t k = 0; k < n; ++k) {
        docs[k] = buffer + offsets[k];
        lens[k] = ends[k] - offsets[k];
    }

    shifan_batch_options opts = SHIFAN_BATCH_OPTIONS_INIT;
    opts.jobs = 1u + mode % 3u;
    const bool keep = (mode & 0x8u) != 0;
    opts.flags = keep ? SHIFAN_BATCH_KEEP_INPUT : SHIFAN_BATCH_ITEM_JSON;
    shifan_batch* batch = nullptr;
    require(shifan_evaluate_batch(&batch, engine, docs.data(), lens.data(), n, &opts, nullptr) == SHIFAN_OK, "batch call");
    require(shifan_batch_count(batch) == static_cast<std::int64_t>(n), "batch count");
    std::vector<std::int32_t> status(n);
    std::vector<std::uint8_t> verdicts(n), functions(n);
    require(shifan_batch_summary(batch, status.data(), verdicts.data(), functions.data(), n, nullptr) == SHIFAN_OK, "summary");
    for (std::size_t k = 0; k < n; ++k) {
        char* single = nullptr;
        std::size_t single_len = 0;
        shifan_error* err = nullptr;
        const int rc = shifan_evaluate_to_json(&single, &single_len, engine, docs[k], lens[k], nullptr, nullptr, &err);
        require(rc == status[k], "batch item status differs from the single call");
        char* item = nullptr;
        std::size_t item_len = 0;
        require(shifan_batch_item_json(&item, &item_len, batch, k, nullptr) == SHIFAN_OK, "item JSON");
        require_json(item, item_len, "item JSON");
        shifan_error* item_err = nullptr;
        require(shifan_batch_item_error(&item_err, batch, k, nullptr) == SHIFAN_OK, "item error");
        if (rc == SHIFAN_OK) {
            require(item_len == single_len && std::memcmp(item, single, item_len) == 0, "batch item differs from the single call");
            require(verdicts[k] != SHIFAN_VERDICT_NONE && item_err == nullptr, "evaluated item");
            shifan_string_free(single);
        } else {
            require(verdicts[k] == SHIFAN_VERDICT_NONE && item_err != nullptr, "failed item");
            require(std::strcmp(shifan_error_path(item_err), shifan_error_path(err)) == 0, "item error path");
            require_input_error(rc, item_err);
            require_input_error(rc, err);
        }
        shifan_string_free(item);
        if (keep) {
            shifan_evaluation* ev = nullptr;
            const int erc = shifan_batch_item_evaluation(&ev, batch, k, nullptr);
            require(erc == rc, "on-demand item status");
            shifan_evaluation_free(ev);
        }
    }
    shifan_batch_free(batch);
    return 0;
}
