/// @file
/// @ingroup core
/// @brief The whole C++ library of shifan in one include: the engine, the lifecycle and the
/// declarations of shifan::io (link `shifan::io`).
///
/// shifan encodes 《长治市市级中小企业公共服务示范平台认定管理办法》 (the Changzhi measures for
/// designating and managing municipal SME public service demonstration platforms): whether an
/// applicant meets art6 and art7, with a full explanation, and a platform's lifecycle (art8–art15).
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/error.hpp"
#include "shifan/core/interpretations.hpp"
#include "shifan/core/outcome.hpp"
#include "shifan/core/quantities.hpp"
#include "shifan/core/text.hpp"
#include "shifan/core/enum_names.hpp"
#include "shifan/core/limits.hpp"
#include "shifan/evaluation/engine.hpp"
#include "shifan/evaluation/evaluation.hpp"
#include "shifan/io.hpp"
#include "shifan/lifecycle.hpp"
#include "shifan/model/application.hpp"
#include "shifan/rules/changzhi.hpp"
#include "shifan/rules/rule_pack.hpp"
#include "shifan/version.hpp"
