<?php
/**
 * `php -l` for every file named on the command line, on any PHP version: before PHP 8.3, `php -l`
 * reads only its first file, and starting PHP as WebAssembly once per file costs seconds each.
 * opcache_compile_file() compiles without running, so it reports what `php -l` reports (parse and
 * compile errors, printed by PHP itself), and the same two lines per file.
 */

$failed = 0;
foreach ( array_slice( $argv, 1 ) as $file ) {
	try {
		$compiled = opcache_compile_file( $file );
	} catch ( ParseError $error ) {
		echo 'PHP Parse error: ', $error->getMessage(), ' in ', $file, ' on line ', $error->getLine(), "\n";
		$compiled = false;
	}
	echo $compiled ? "No syntax errors detected in {$file}\n" : "Errors parsing {$file}\n";
	$failed += $compiled ? 0 : 1;
}
exit( $failed > 0 ? 1 : 0 );
