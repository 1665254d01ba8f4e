#ifndef DRAFTCHECK_CLIBXML2_SHIM_H
#define DRAFTCHECK_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so libxml/encoding.h would pull the system
   <unicode/ucnv.h> into this module, clashing with Foundation's own ICU module
   (_FoundationICU: "UErrorCode ... not present"). We never touch the ICU converter
   fields of xmlCharEncodingHandler, so the headers are read without them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/parserInternals.h>
#include <libxml/entities.h>
#endif
