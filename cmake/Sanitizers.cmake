# ASan + UBSan for the whole build (TARIKH_SANITIZE=ON); any report aborts the run.
if(TARIKH_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=address,undefined)
endif()
