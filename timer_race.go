package main

import (
	"fmt"
	"time"
)

func main() {
	x := 0
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() {
		fmt.Println(x)
		done <- true
	})
	x = 1
	<-done
}
