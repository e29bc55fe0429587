# vq_set_warnings(target): the project's warning flags, scoped to one target.
function(vq_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter -Wno-missing-field-initializers)
endfunction()
