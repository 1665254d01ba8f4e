#ifndef DRAFTCHECK_CLIBXML2_SHIM_H
#define DRAFTCHECK_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xinclude.h>
#include <libxml/xmlIO.h>
#include <libxml/parserInternals.h>
#include <libxml/entities.h>
#endif
