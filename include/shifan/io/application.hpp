/// @file
/// @ingroup io
/// @brief Reading `shifan.application/1` documents (compiled in shifan::io).
#pragma once

#include "shifan/core/limits.hpp"
#include "shifan/model/application.hpp"

#include <string_view>

namespace shifan {

/// Parse an application from JSON text.
/// @param text   a `shifan.application/1` document (UTF-8 JSON)
/// @param limits input limits applied while reading
/// @returns the application
/// @throws Error naming the JSON Pointer of the fault and the reason in zh and en.
Application parse_application(std::string_view text, const json::Limits& limits = {});

/// A reusable reader of `shifan.application/1`: it keeps its buffers from one document to the
/// next, so that a host reading many documents on one thread allocates nothing in the steady
/// state. Not thread-safe: one reader per thread.
class ApplicationReader {
public:
    /// A reader with empty buffers.
    ApplicationReader();
    /// Releases the buffers.
    ~ApplicationReader();
    /// Readers move (the buffers go with them) but do not copy.
    ApplicationReader(ApplicationReader&&) noexcept;
    /// Readers move (the buffers go with them) but do not copy.
    ApplicationReader& operator=(ApplicationReader&&) noexcept;
    ApplicationReader(const ApplicationReader&) = delete;
    ApplicationReader& operator=(const ApplicationReader&) = delete;

    /// Parse `text` into `out`, reusing `out`'s storage and the reader's buffers.
    /// @param text   a `shifan.application/1` document (UTF-8 JSON)
    /// @param out    overwritten with the application
    /// @param limits input limits applied while reading
    /// @throws Error naming the JSON Pointer of the fault and the reason in zh and en.
    void parse(std::string_view text, Application& out, const json::Limits& limits = {});

private:
    struct Impl;
    Impl* impl_; // owned (a raw pointer keeps <memory> out of this header)
};

} // namespace shifan
