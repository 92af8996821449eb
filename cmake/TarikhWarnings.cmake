# Warning flags shared by every tarikh target.
function(tarikh_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(TARIKH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 14)
      # GCC 12/13 report -Wrestrict and -Wmaybe-uninitialized false positives inside inlined
      # libstdc++ string code and Boost.Graph at -O2/-O3 (GCC bugs 105329, 105651). They stay
      # visible as warnings; clang builds keep them as errors.
      target_compile_options(${target} PRIVATE -Wno-error=restrict -Wno-error=maybe-uninitialized)
    endif()
  endif()
endfunction()
