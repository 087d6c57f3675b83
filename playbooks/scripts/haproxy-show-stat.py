import socket,sys
s=socket.socket(socket.AF_UNIX,socket.SOCK_STREAM)
s.settimeout(5)
s.connect(sys.argv[1])
s.sendall(b"show stat\n")
d=b""
while True:
    c=s.recv(65536)
    if not c: break
    d+=c
sys.stdout.write(d.decode("ascii","replace"))