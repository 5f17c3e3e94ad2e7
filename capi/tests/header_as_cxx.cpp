// shifan.h compiles as C++ (and its declarations have C linkage).
#include "shifan/shifan.h"

#include <type_traits>

static_assert(std::is_same_v<decltype(&shifan_evaluate),
                             int (*)(shifan_evaluation**, const shifan_engine*, const char*, size_t,
                                     const shifan_evaluate_options*, shifan_error**)>);
static_assert(std::is_standard_layout_v<shifan_batch_options>);
