// x++ and x-- read x: on the blank identifier they are an error, as gc reports it.
package main

func main() {
	for b := 0; b < 5; _++ {
		_ = b
	}
	_--
}
