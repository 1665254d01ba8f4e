# Sourced by the bench and fuzz scripts: builds package targets with swiftc alone (no
# package build), one whole-module compilation per target as SwiftPM does, so a target
# that imports another (PFKeyReference imports PFKey, both import WireCore) compiles as is.
#   swift_modules OUT_DIR [SWIFTC FLAGS...] -- TARGET...   (targets in dependency order)
# Leaves each TARGET.swiftmodule and TARGET.o in OUT_DIR and the objects in
# "${module_objects[@]}"; compile the tool with -I OUT_DIR and link those objects.
swift_modules() {
  local out=$1; shift
  local flags=()
  while [ "$1" != "--" ]; do flags+=("$1"); shift; done
  shift
  mkdir -p "$out"
  module_objects=()
  local target sources
  for target in "$@"; do
    mapfile -t sources < <(find "Sources/$target" -name '*.swift' | sort)
    swiftc "${flags[@]}" -wmo -parse-as-library -package-name draftcheck -module-name "$target" -I "$out" \
      -emit-module -emit-module-path "$out/$target.swiftmodule" -c "${sources[@]}" -o "$out/$target.o"
    module_objects+=("$out/$target.o")
  done
}
