/// @file
/// @ingroup io
/// @brief Everything shifan::io compiles, declared: reading applications and rule packs, writing
/// evaluations, explanations, text reports, the registry and errors, batches, and the corpus
/// generator. Link `shifan::io`.
#pragma once

#include "shifan/io/application.hpp"
#include "shifan/io/batch.hpp"
#include "shifan/io/compare.hpp"
#include "shifan/io/csv.hpp"
#include "shifan/io/error.hpp"
#include "shifan/io/evaluation.hpp"
#include "shifan/io/generator.hpp"
#include "shifan/io/registry.hpp"
#include "shifan/io/rule_pack.hpp"
