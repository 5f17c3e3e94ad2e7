/// @file
/// @ingroup core
/// @brief Names of described enumerations: the one mapping between an enumerator and its machine
/// name (the JSON string, the CLI option value, the C ABI name), taken from BOOST_DESCRIBE_ENUM.
#pragma once

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <optional>
#include <string_view>

namespace shifan::json {

/// Name of a described enumerator ("" if the value is not described).
template <class E>
    requires boost::describe::has_describe_enumerators<E>::value
constexpr const char* enum_name(E value) {
    const char* name = "";
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (D.value == value) name = D.name;
    });
    return name;
}

/// Parse a described enumerator from its name.
template <class E>
    requires boost::describe::has_describe_enumerators<E>::value
std::optional<E> enum_from_name(std::string_view name) {
    std::optional<E> out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!out && name == D.name) out = D.value;
    });
    return out;
}

} // namespace shifan::json
