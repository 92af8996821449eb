# Warning flags shared by every tarikh target.
function(tarikh_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(TARIKH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
