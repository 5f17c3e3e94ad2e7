/// @file
/// @ingroup rules_registry
/// @brief What every clause header is written with: the application, the parameters, the
/// readings, the registry rows, the sink, and the skeleton every clause shares. A clause header
/// includes this and nothing else.
///
/// A clause is a struct (the Clause concept) that states, in reading order:
///
/// 1. `enum Leaf` — its rules by name, in registry order;
/// 2. `leaves` — its rules with their registry rows (id, title, measure, unit, parameters,
///    inputs), in Leaf order: yes_no() and at_least() for a plain yes/no condition or minimum on
///    one input, which the sink decides from the row alone; a LeafRow written out for the rest;
/// 3. the logic of the rules that are not plain, written once over a sink (see sink.hpp):
///    `decide(section, parameters, sink)` when the clause reads one section of the application
///    (SectionClause and FunctionClause fetch it and decide the plain rules), or the whole
///    `eval(application, parameters, readings, sink)` when it needs more;
/// 4. `group` — how its rules combine into the clause, with its id, citation and title.
///
/// Everything of a clause is in its header; what is the same for every clause is here.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/interpretations.hpp"
#include "shifan/model/application.hpp"
#include "shifan/rules/parameters.hpp"
#include "shifan/rules/registry.hpp"
#include "shifan/rules/sink.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace shifan::rules {

/// An empty section of the application (every input in it absent).
template <class T>
inline const T empty_section{};

/// A section of the application a clause reads, as given, or an empty one when it is absent:
/// every input in it is then missing.
template <class T>
const T& section_or_empty(const std::optional<T>& given) {
    return given ? *given : empty_section<T>;
}

/// Decide clause `C` on `section`: its plain rules from their rows, the others with
/// `C::decide(section, parameters, sink)` (a clause with none of them needs no code).
template <class C, class Section, class Sink>
void decide_clause(const Section& section, const Parameters& p, Sink& s) {
    s.plain(section, p);
    if constexpr (requires { C::decide(section, p, s); }) C::decide(section, p, s);
}

/// The base of a clause whose rules read one section of the application (`Section`, e.g.
/// `&Application::resources`), given an empty section when the application has none.
template <class C, auto Section>
struct SectionClause {
    /// Decide every rule of the clause into `s` (see sink.hpp).
    template <class Sink>
    static void eval(const Application& app, const Parameters& p, const Interpretations&, Sink& s) {
        decide_clause<C>(section_or_empty(app.*Section), p, s);
    }
};

/// The base of a clause that is one art7 function (`Which`, e.g. `&Functions::information`):
/// a function the application does not claim fails as not claimed (see sink.hpp); a claimed one
/// is decided on what the application says of it.
template <class C, auto Which>
struct FunctionClause {
    /// Decide every rule of the clause into `s` (see sink.hpp).
    template <class Sink>
    static void eval(const Application& app, const Parameters& p, const Interpretations&, Sink& s) {
        if (!app.functions || !((*app.functions).*Which)) return s.not_claimed();
        decide_clause<C>(*((*app.functions).*Which), p, s);
    }
};

} // namespace shifan::rules
